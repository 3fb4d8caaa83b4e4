/** Collects rule-set validation errors and holds the checks that several parts of a rule set share. */
import { hasAtMostTwoDecimals } from './decimal.ts';
import type { RuleSetError } from './errors.ts';

export class Issues {
  readonly list: RuleSetError[] = [];

  add(path: string, code: string, zh: string, en: string): void {
    this.list.push({ path, code, zh, en });
  }

  /** A score, weight or share entered to the cent, within bounds. */
  amount(value: number | undefined, path: string, zhWhat: string, enWhat: string, bounds: { min?: number; max?: number; above?: number } = {}): void {
    if (value === undefined) return;
    if (!hasAtMostTwoDecimals(value)) {
      this.add(path, 'number.decimals', `${zhWhat}最多保留两位小数（当前为 ${value}）`, `${enWhat} may have at most two decimals (is ${value})`);
    }
    if (bounds.min !== undefined && value < bounds.min) {
      this.add(path, 'number.min', `${zhWhat}不能小于 ${bounds.min}（当前为 ${value}）`, `${enWhat} must be at least ${bounds.min} (is ${value})`);
    }
    if (bounds.above !== undefined && value <= bounds.above) {
      this.add(path, 'number.min', `${zhWhat}必须大于 ${bounds.above}（当前为 ${value}）`, `${enWhat} must be greater than ${bounds.above} (is ${value})`);
    }
    if (bounds.max !== undefined && value > bounds.max) {
      this.add(path, 'number.max', `${zhWhat}不能大于 ${bounds.max}（当前为 ${value}）`, `${enWhat} must be at most ${bounds.max} (is ${value})`);
    }
  }

  /** Codes (or labels) in a list must be unique; the list must not be empty when `required`. */
  unique<T>(items: readonly T[], id: (item: T) => string, path: string, zhWhat: string, enWhat: string, required = true): void {
    if (required && items.length === 0) {
      this.add(path, 'list.empty', `${zhWhat}不能为空`, `${enWhat} must not be empty`);
    }
    const seen = new Set<string>();
    items.forEach((item, index) => {
      const value = id(item);
      if (seen.has(value)) {
        this.add(`${path}[${index}]`, 'list.duplicate', `${zhWhat}「${value}」重复`, `${enWhat} "${value}" appears twice`);
      }
      seen.add(value);
    });
  }

  /** Shares of a whole (weights) must add up to 100 %. */
  hundredPercent(weights: readonly number[], path: string, zhOwner: string, enOwner: string, zhWhat = '各指标权重', enWhat = 'Weights'): void {
    const hundredths = weights.reduce((sum, weight) => sum + Math.round(weight * 100), 0);
    if (hundredths !== 10000) {
      const total = hundredths / 100;
      this.add(path, 'weights.sum', `${zhOwner}${zhWhat}之和为 ${total}%，应为 100%`, `${enWhat} ${enOwner} add up to ${total} %, must be 100 %`);
    }
  }
}
