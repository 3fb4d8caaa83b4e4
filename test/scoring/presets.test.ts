/** Every preset with its example cohort file, and the quarterly declaration case of 003. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeScore, dryRun, getPreset, listPresets } from '../../server/scoring/index.ts';
import { expectTraceAddsUp } from './helpers.ts';

const example = (id: string) => JSON.parse(readFileSync(new URL(`../../examples/scoring/${id}.input.json`, import.meta.url), 'utf8'));

describe('presets', () => {
  it('ships the five source documents', () => {
    expect(listPresets().map((p) => p.id)).toEqual(['guangyuan-2017', 'quanzhou-2019', 'civil-servant-model', 'chengdu-2024', 'yiyuan-2022']);
    expect(getPreset('nowhere')).toBeUndefined();
  });

  it('are frozen: a unit derives its own rule set instead of changing a preset', () => {
    expect(() => { (getPreset('chengdu-2024')!.indicators[0] as { name: string }).name = 'x'; }).toThrow(TypeError);
  });

  it.each(listPresets().map((p) => p.id))('%s: the example cohort scores and grades without errors, every trace adding up', (id) => {
    const result = dryRun(getPreset(id)!, example(id));
    expect(result.errors).toEqual([]);
    expect(result.subjects.length).toBeGreaterThan(3);
    for (const subject of result.subjects) {
      expectTraceAddsUp(subject.score);
      expect(subject.grade.trace.length).toBeGreaterThan(0);
    }
  });

  it.each([
    ['guangyuan-2017', { 'unit-a': ['203.60', '先进'], 'unit-d': ['212.00', '合格'], 'unit-f': ['124.90', '不合格'] }],
    ['quanzhou-2019', { 'dept-04': ['100.30', '优秀'], 'dept-07': ['93.30', '一般'], 'dept-10': ['96.85', '差'] }],
    ['civil-servant-model', { p01: ['95.29', '优秀'], p03: ['94.46', '称职'], p06: ['57.42', '不称职'] }],
    ['chengdu-2024', { u1: ['100.00', '好'], u3: ['87.00', '较好'], u5: ['52.00', '较差'] }],
    ['yiyuan-2022', { 'staff-5': ['96.58', '优秀'], 'staff-4': ['97.10', '称职'], 'staff-3': ['79.38', '称职'] }],
  ])('%s example: totals and grades', (id, expected) => {
    const result = dryRun(getPreset(id)!, example(id));
    for (const [subjectId, [total, level]] of Object.entries(expected)) {
      const subject = result.subjects.find((s) => s.subjectId === subjectId)!;
      expect([subject.score.total, subject.grade.levelLabel], subjectId).toEqual([total, level]);
    }
  });

  it('yiyuan-2022: 末位谈话 for the last, 待岗池 when last again; 一排底线 bars 优秀', () => {
    const result = dryRun(getPreset('yiyuan-2022')!, example('yiyuan-2022'));
    const staff3 = result.subjects.find((s) => s.subjectId === 'staff-3')!.grade;
    expect(staff3.application.actions).toEqual(['末位谈话：由分管领导或党组约谈，提出限期整改要求', '进入“待岗池”接受培训教育']);
    const staff4 = result.subjects.find((s) => s.subjectId === 'staff-4')!.grade;
    expect(staff4.trace.map((t) => t.detail)).toContain('出现一票否决事项「安全底线约束指标不良」，不得评为「优秀」');
  });

  it('quanzhou-2019: a violation deducts by rank, counts once and cancels the bonuses it names', () => {
    const result = dryRun(getPreset('quanzhou-2019')!, example('quanzhou-2019'));
    const dept05 = result.subjects.find((s) => s.subjectId === 'dept-05')!.score;
    expect(dept05.intermediates.violations).toBe('0.30');
    expect(dept05.bonusCancellations).toEqual([{ person: '王某', roles: ['本人', '所在科室主要负责人', '单位分管领导'], reason: '察访核验查实存在违规问题' }]);
  });
});

describe('chengdu-2024: the quarterly achievement declaration (季度实绩申报)', () => {
  const chengdu = getPreset('chengdu-2024')!;
  const declare = (self: string[], supervisor: string) => computeScore(chengdu, { subjectId: 'zhangsan', inputs: { declaration: { self, supervisor } } });

  it.each([
    [['好', '好', '好'], '好', '100.00'],
    [['好', '较好', '好'], '较好', '87.00'],
    [['一般', '较差'], '一般', '68.00'],
    [['较好', '较好', '较好', '较好', '较好'], '好', '97.00'],
  ])('self %j, supervisor %s → %s (self 20 %, supervisor 80 %)', (self, supervisor, total) => {
    const result = declare(self, supervisor);
    expect(result.total).toBe(total);
    expectTraceAddsUp(result);
  });

  it('takes at most 5 declared items', () => {
    expect(() => declare(['好', '好', '好', '好', '好', '好'], '好')).toThrow(/最多 5 个评价/);
  });
});
