/**
 * The quarterly score the demo rule set (chengdu-2024) gives 张三's declaration in the flow tests: items rated
 * 好 (100) and 较好 (85) by himself, 好 (100) by his supervisor → 20 % × 92.50 + 80 % × 100 = 98.50.
 */
export const EXPECTED_DEMO_SCORE = '98.50';
