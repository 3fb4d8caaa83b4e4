/**
 * 003 成都“精准有温度”的绩效管理探索: quarterly 平时考核 of civil servants. Each person declares at most 5
 * achievements a quarter with a self-rating (实绩自主申报); the direct supervisor rates (“直接领导主导考核”);
 * 点赞 adds and 错情 deducts; 好 only from the top 50 % by performance score (“入围择优”); a one-on-one
 * talk after every quarterly evaluation.
 *
 * Values 003 leaves open and this preset fixes (documented in docs/scoring.md): self 20 % / supervisor 80 %,
 * ratings 好 100 / 较好 85 / 一般 70 / 较差 50, thresholds at the midpoints between ratings (92.5, 77.5, 60),
 * 点赞 +1 (at most 5 a quarter), 错情 −1.
 */
import type { RuleSet } from '../rule-set.ts';

export const chengdu2024: RuleSet = {
  id: 'chengdu-2024',
  name: '成都公务员平时考核（季度）',
  version: 1,
  source: '003 【实践案例】成都“精准有温度”的绩效管理探索',
  subjectKind: 'person',
  indicators: [
    {
      key: 'declaration',
      name: '季度实绩评价',
      method: {
        type: 'raterGroups',
        scale: [
          { label: '好', value: 100 },
          { label: '较好', value: 85 },
          { label: '一般', value: 70 },
          { label: '较差', value: 50 },
        ],
        groups: [
          { code: 'self', label: '实绩申报自评', weight: 20, maxRatings: 5 },
          { code: 'supervisor', label: '直接领导评价', weight: 80 },
        ],
        missingGroup: 'error',
      },
      note: '每季度申报不超过5项实绩并自评；直接领导按同一等次评价',
    },
    {
      key: 'commendation',
      name: '点赞加分',
      method: {
        type: 'bonusItems',
        oncePerWork: true,
        cap: 5,
        items: [{ code: 'commendation', label: '点赞事项（目标绩效落实成绩突出，公开肯定）', points: 1 }],
      },
    },
    {
      key: 'errorNotice',
      name: '错情扣分',
      method: {
        type: 'deductions',
        items: [
          { code: 'errorNotice', label: '错情通报（工作失误）', points: 1 },
          { code: 'politicalConduct', label: '政治素质负面量化扣分（工作拖沓、执行不力、质效不高等）', maxPoints: 5 },
        ],
      },
    },
  ],
  total: '=declaration + commendation - errorNotice',
  grading: {
    levels: [
      { code: 'good', label: '好' },
      { code: 'fairlyGood', label: '较好' },
      { code: 'average', label: '一般' },
      { code: 'poor', label: '较差' },
    ],
    rules: [
      { level: 'good', minScore: 92.5, pool: { share: 50, rounding: 'down', ties: 'includeAll' } },
      { level: 'fairlyGood', minScore: 77.5 },
      { level: 'average', minScore: 60 },
    ],
    otherwise: 'poor',
    rankBy: [{ key: 'declaration', direction: 'desc' }],
    ties: 'excludeAll',
    results: [
      { level: 'good', actions: [{ label: '工作实绩在内网平台公示（谁评为好、为什么好）' }, { label: '部门负责人一对一反馈面谈' }] },
      { level: 'fairlyGood', actions: [{ label: '部门负责人一对一反馈面谈' }] },
      { level: 'average', actions: [{ label: '部门负责人一对一反馈面谈，分析短板，协商改进计划' }] },
      { level: 'poor', actions: [{ label: '部门负责人一对一反馈面谈，分析短板，协商改进计划' }] },
    ],
    consecutive: [
      {
        code: 'poorRepeatedly',
        label: '连续两个季度评价为较差',
        consecutive: 2,
        levels: ['poor'],
        actions: [{ label: '结对帮带或进行岗位调整' }],
      },
    ],
  },
};
