/**
 * 试算命令行 (dry run): scores and grades a cohort file with a preset or a rule-set file and prints the
 * results with their traces as JSON.
 *
 *   npm run --silent score -- --rules <preset name | rules.json> --input <cohort.json>
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { dryRun, getPreset, listPresets, ScoringInputError, validateRuleSet } from '../server/scoring/index.ts';

const USAGE = 'usage: npm run --silent score -- --rules <preset name | rules.json> --input <cohort.json>';

function fail(zh: string, en: string, details?: unknown): never {
  process.stderr.write(`${JSON.stringify({ error: { zh, en, ...(details !== undefined && { details }) } }, null, 2)}\n`);
  process.exit(1);
}

function readJson(path: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    return fail(`无法读取${what}文件「${path}」`, `Cannot read the ${what === '规则集' ? 'rule set' : 'input'} file "${path}": ${(err as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    return fail(`${what}文件「${path}」不是有效的 JSON`, `"${path}" is not valid JSON: ${(err as Error).message}`);
  }
}

function main(): void {
  let values;
  try {
    ({ values } = parseArgs({ options: { rules: { type: 'string' }, input: { type: 'string' } }, strict: true }));
  } catch (err) {
    fail('命令行参数有误', `${(err as Error).message}\n${USAGE}`);
  }
  if (!values.rules || !values.input) fail('需要 --rules 和 --input 两个参数', USAGE);

  const preset = getPreset(values.rules);
  const looksLikeFile = values.rules.endsWith('.json') || values.rules.includes('/');
  if (!preset && !looksLikeFile) {
    const names = listPresets().map((p) => p.id).join(', ');
    fail(`没有名为「${values.rules}」的预置规则集（可选：${names}），也不是 JSON 文件路径`, `No preset named "${values.rules}" (presets: ${names}) and not a JSON file path`);
  }
  const validation = validateRuleSet(preset ?? readJson(values.rules, '规则集'));
  if (!validation.ok) fail('规则集校验未通过', 'The rule set is not valid', validation.errors);

  const cohort = readJson(values.input, '输入');
  try {
    process.stdout.write(`${JSON.stringify(dryRun(validation.ruleSet, cohort), null, 2)}\n`);
  } catch (err) {
    if (err instanceof ScoringInputError) fail(err.zh, err.en, [err.toJSON()]);
    throw err;
  }
}

main();
