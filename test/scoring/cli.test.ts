/** The dry-run command line: `npm run --silent score -- --rules <preset|file> --input <cohort.json>`. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { getPreset } from '../../server/scoring/index.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const score = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'scripts/score.ts', ...args], { cwd: root, encoding: 'utf8' });
const temp = mkdtempSync(join(tmpdir(), 'scoring-cli-'));

describe('score CLI', () => {
  it('prints the dry run of a preset as JSON', () => {
    const run = score('--rules', 'guangyuan-2017', '--input', 'examples/scoring/guangyuan-2017.input.json');
    expect(run.status).toBe(0);
    const output = JSON.parse(run.stdout);
    expect(output.ruleSet).toEqual({ id: 'guangyuan-2017', name: '广元市交通运输目标绩效考核（2017）', version: 1 });
    expect(output.subjects[0].score.total).toBe('203.60');
    expect(output.subjects[0].score.trace[0].label).toBe('初步考核得分');
    expect(output.subjects[0].grade.levelLabel).toBe('先进');
  });

  it('reads a rule set from a JSON file', () => {
    const file = join(temp, 'rules.json');
    writeFileSync(file, JSON.stringify({ ...getPreset('chengdu-2024'), id: 'my-unit' }));
    const run = score('--rules', file, '--input', 'examples/scoring/chengdu-2024.input.json');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).ruleSet.id).toBe('my-unit');
  });

  it('prints the validation errors of a bad rule set and exits with 1', () => {
    const file = join(temp, 'bad.json');
    writeFileSync(file, JSON.stringify({ ...getPreset('chengdu-2024'), total: '=declaration + bonus' }));
    const run = score('--rules', file, '--input', 'examples/scoring/chengdu-2024.input.json');
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    const { error } = JSON.parse(run.stderr);
    expect(error.zh).toBe('规则集校验未通过');
    expect(error.details[0]).toMatchObject({ code: 'formula.unknownName', path: 'total' });
  });

  it.each([
    ['an unknown preset', ['--rules', 'beijing', '--input', 'examples/scoring/chengdu-2024.input.json'], '没有名为「beijing」的预置规则集'],
    ['a missing input file', ['--rules', 'chengdu-2024', '--input', 'nowhere.json'], '无法读取输入文件「nowhere.json」'],
    ['a missing argument', ['--rules', 'chengdu-2024'], '需要 --rules 和 --input 两个参数'],
  ])('fails clearly on %s', (_, args, message) => {
    const run = score(...args);
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stderr).error.zh).toContain(message);
  });

  it('reports subjects it cannot score in `errors` and grades the others', () => {
    const file = join(temp, 'cohort.json');
    writeFileSync(file, JSON.stringify({ subjects: [
      { subjectId: 'a', inputs: { declaration: { self: ['好'], supervisor: '好' } } },
      { subjectId: 'b', inputs: { declaration: { self: ['优'], supervisor: '好' } } },
    ] }));
    const run = score('--rules', 'chengdu-2024', '--input', file);
    expect(run.status).toBe(0);
    const output = JSON.parse(run.stdout);
    expect(output.subjects.map((s: { subjectId: string }) => s.subjectId)).toEqual(['a']);
    expect(output.errors).toEqual([{ subjectId: 'b', path: 'subjects[1].inputs.declaration.self[0]', code: 'input.unknownRating', zh: '「季度实绩评价·实绩申报自评」没有评价等次「优」（可选：好、较好、一般、较差）', en: '"季度实绩评价·实绩申报自评" has no rating "优" (one of: 好、较好、一般、较差)' }]);
  });
});
