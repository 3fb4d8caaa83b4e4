/**
 * 保存前校验: a rule set is checked for shape (zod) and then for meaning, and every problem comes back as a
 * message a performance-office user understands, in Chinese and English.
 */
import type { z } from 'zod';
import type { RuleSetError } from './errors.ts';
import { Issues } from './issues.ts';
import { type RuleSet, ruleSetSchema } from './rule-set.ts';
import { checkFormulas } from './validate-formulas.ts';
import { checkGrading } from './validate-grading.ts';
import { checkIndicators } from './validate-indicators.ts';

export type RuleSetValidation = { ok: true; ruleSet: RuleSet } | { ok: false; errors: RuleSetError[] };

function pathText(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${String(part)}` : String(part)), '');
}

const typeNames: Record<string, string> = { string: '文本', number: '数字', boolean: '是/否', array: '列表', object: '对象', int: '整数' };

function schemaError(issue: z.core.$ZodIssue): RuleSetError {
  const path = pathText(issue.path) || '(根)';
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return { path, code: 'schema.required', zh: `缺少必填项「${path}」`, en: `"${path}" is required` };
      return { path, code: 'schema.type', zh: `「${path}」应为${typeNames[issue.expected] ?? issue.expected}`, en: `"${path}" must be of type ${issue.expected}` };
    case 'unrecognized_keys':
      return { path, code: 'schema.unknownField', zh: `「${path}」中有无法识别的字段：${issue.keys.join('、')}`, en: `"${path}" has unknown fields: ${issue.keys.join(', ')}` };
    case 'invalid_value':
      return { path, code: 'schema.value', zh: `「${path}」的取值应为：${issue.values.map(String).join(' / ')}`, en: `"${path}" must be one of: ${issue.values.map(String).join(' / ')}` };
    case 'invalid_union':
      return { path, code: 'schema.method', zh: `「${path}」的计分方法类型（type）无法识别`, en: `"${path}" has an unknown scoring method type` };
    case 'too_small':
      return { path, code: 'schema.tooSmall', zh: `「${path}」过小或为空（至少为 ${String(issue.minimum)}）`, en: `"${path}" is too small or empty (minimum ${String(issue.minimum)})` };
    default:
      return { path, code: `schema.${issue.code}`, zh: `「${path}」格式不正确`, en: `"${path}" is not valid: ${issue.message}` };
  }
}

export function validateRuleSet(input: unknown): RuleSetValidation {
  const parsed = ruleSetSchema.safeParse(input, { reportInput: true });
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map(schemaError) };
  const ruleSet = parsed.data;
  const issues = new Issues();
  const indicatorKeys = checkIndicators(ruleSet, issues);
  checkFormulas(ruleSet, indicatorKeys, issues);
  const names = new Set([...indicatorKeys, ...(ruleSet.formulas ?? []).map((f) => f.key)]);
  checkGrading(ruleSet, names, issues);
  return issues.list.length === 0 ? { ok: true, ruleSet } : { ok: false, errors: issues.list };
}
