/**
 * 规则继承: a unit's rule set is its parent's plus overrides. Overrides are a JSON merge patch in which
 * lists of identified items (indicators by `key`; levels, items, events… by `code`; rules and results by
 * `level`; scale entries and actions by `label`) are merged item by item: an item with a known identity is
 * patched, a new one is appended, `{ "key": "x", "$delete": true }` removes one; `null` removes a field.
 */
import { validateRuleSet, type RuleSetValidation } from './validate-rule-set.ts';
import type { RuleSet } from './rule-set.ts';

export type RuleSetOverrides = Record<string, unknown>;

export interface RuleSetChange {
  /** e.g. "indicators[performance].children[ji].weight" */
  path: string;
  change: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
  zh: string;
  en: string;
}

type Json = unknown;
type JsonObject = Record<string, Json>;

const IDENTITIES = ['key', 'code', 'level', 'label'] as const;
const DELETE = '$delete';

const isObject = (value: Json): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The field that identifies the items of a list, when every item has one. */
function identityOf(...lists: Json[][]): string | undefined {
  const items = lists.flat();
  if (items.length === 0 || !items.every(isObject)) return undefined;
  return IDENTITIES.find((field) => items.every((item) => typeof (item as JsonObject)[field] === 'string'));
}

function merge(base: Json, patch: Json): Json {
  if (isObject(base) && isObject(patch)) {
    const out: JsonObject = { ...base };
    for (const [field, value] of Object.entries(patch)) {
      if (field === DELETE) continue;
      if (value === null) delete out[field];
      else out[field] = merge(base[field], value);
    }
    return out;
  }
  if (Array.isArray(base) && Array.isArray(patch)) {
    const id = identityOf(base, patch);
    if (id) {
      const out = [...base] as JsonObject[];
      for (const item of patch as JsonObject[]) {
        const at = out.findIndex((existing) => existing[id] === item[id]);
        if (item[DELETE] === true) {
          if (at >= 0) out.splice(at, 1);
        } else if (at >= 0) {
          out[at] = merge(out[at], item) as JsonObject;
        } else {
          out.push(merge({}, item) as JsonObject);
        }
      }
      return out;
    }
  }
  return structuredClone(patch);
}

/** The parent rule set with the unit's overrides applied, validated as on save. */
export function effectiveRuleSet(parent: RuleSet, overrides: RuleSetOverrides): RuleSetValidation {
  if (!isObject(overrides)) {
    return { ok: false, errors: [{ path: '(根)', code: 'overrides.type', zh: '覆盖内容应为对象', en: 'Overrides must be an object' }] };
  }
  return validateRuleSet(merge(parent, overrides));
}

const fieldNames: Record<string, string> = {
  id: '编号', name: '名称', label: '名称', version: '版本', total: '综合得分公式', expression: '公式', weight: '权重', points: '分值',
  value: '分值', omit: '不适用', share: '比例', count: '名次数', rounding: '取整方式', among: '名次范围', ties: '并列规则',
  cap: '上限', minScore: '最低分', belowScore: '分数线', factor: '倍数', deduct: '扣分', effect: '否决效果',
  overAchievementCap: '超额加分上限', baseline: '基准名次', perPlace: '每位分值', of: '排名总数', bonusCoefficient: '绩效奖金系数',
  bonusMonthsOffset: '绩效奖增减月数', maxRatings: '评价数上限', maxVotes: '票数上限', maxPoints: '分值上限',
  missingGroup: '缺评处理', oncePerWork: '同一工作不重复加分', otherwise: '其余等次', declaredItems: '按申报指标计分',
  whenUnitLevel: '上浮条件', consecutive: '连续次数', categories: '适用类别', postCategories: '岗位类别', direction: '排序方向',
};
const itemNames: Record<string, string> = {
  indicators: '指标', children: '指标', formulas: '公式', levels: '等次', rules: '等次规则', labels: '名次标记', results: '结果运用',
  consecutive: '连续结果规则', items: '事项', events: '否决事项', groups: '评价主体', roles: '评价人类别', ranks: '职级',
  kinds: '违规情形', multipliers: '加倍规则', scale: '评价等次', values: '评价等次', actions: '后续措施', rankBy: '排序依据',
};

const show = (value: Json): string => (typeof value === 'string' ? value : JSON.stringify(value));

function nameOf(item: JsonObject): string {
  return String(item.name ?? item.label ?? item.key ?? item.code ?? item.level ?? '');
}

function compare(before: Json, after: Json, path: string, field: string, owner: string, out: RuleSetChange[]): void {
  if (isObject(before) && isObject(after)) {
    const owned = nameOf(after) || owner;
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
      compare(before[key], after[key], path ? `${path}.${key}` : key, key, owned, out);
    }
    return;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const id = identityOf(before, after);
    if (id) {
      const what = itemNames[field] ?? field;
      const find = (list: Json[], value: Json) => (list as JsonObject[]).find((item) => item[id] === value);
      for (const item of before as JsonObject[]) {
        if (!find(after, item[id])) {
          out.push({ path: `${path}[${String(item[id])}]`, change: 'removed', before: item, zh: `删除${what}「${nameOf(item)}」`, en: `Removed ${field} item "${nameOf(item)}"` });
        }
      }
      for (const item of after as JsonObject[]) {
        const old = find(before, item[id]);
        const at = `${path}[${String(item[id])}]`;
        if (old) compare(old, item, at, field, owner, out);
        else out.push({ path: at, change: 'added', after: item, zh: `新增${what}「${nameOf(item)}」`, en: `Added ${field} item "${nameOf(item)}"` });
      }
      return;
    }
  }
  if (JSON.stringify(before) === JSON.stringify(after)) return;
  const zhField = fieldNames[field] ?? field;
  const of = owner ? `「${owner}」的` : '';
  const ofEn = owner ? ` of "${owner}"` : '';
  if (before === undefined) {
    out.push({ path, change: 'added', after, zh: `${of}${zhField}设为 ${show(after)}`, en: `Set ${field}${ofEn} to ${show(after)}` });
  } else if (after === undefined) {
    out.push({ path, change: 'removed', before, zh: `删除${of}${zhField}（原为 ${show(before)}）`, en: `Removed ${field}${ofEn} (was ${show(before)})` });
  } else {
    out.push({ path, change: 'changed', before, after, zh: `${of}${zhField}由 ${show(before)} 改为 ${show(after)}`, en: `Changed ${field}${ofEn} from ${show(before)} to ${show(after)}` });
  }
}

/** What a unit's effective rule set changes compared with its parent, field by field. */
export function diffRuleSets(parent: RuleSet, effective: RuleSet): RuleSetChange[] {
  const out: RuleSetChange[] = [];
  const before = parent as unknown as JsonObject;
  const after = effective as unknown as JsonObject;
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) compare(before[key], after[key], key, key, '', out);
  return out;
}
