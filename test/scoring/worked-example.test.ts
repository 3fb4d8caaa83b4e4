/** The worked example of DOMAIN.md (from 002), with the guangyuan-2017 preset: Unit A scores 203.6. */
import { describe, expect, it } from 'vitest';
import { computeScore, getPreset, gradeCohort } from '../../server/scoring/index.ts';
import { expectTraceAddsUp } from './helpers.ts';

const guangyuan = getPreset('guangyuan-2017')!;

const unitA = {
  subjectId: 'unit-a',
  category: '局直属单位',
  inputs: {
    initial: [
      { name: '指标一', points: 80, target: 100, actual: 120 },
      { name: '指标二', points: 70, target: 50, actual: 40 },
      { name: '指标三', points: 50, target: 10, actual: 10 },
    ],
    leaderEvaluation: { director: '良', leader: ['优', '优', '良', '合格'] },
    specialBonus: [{ code: 'provincial' }, { code: 'municipal' }, { code: 'municipal' }],
    specialDeduction: [{ code: 'criticismMunicipal' }, { code: 'mediaProvincial' }],
    provincialRank: 8,
  },
};

describe('DOMAIN.md worked example (002)', () => {
  const result = computeScore(guangyuan, unitA);

  it('totals 194 + 5 + 7 − 3 + 0.6 = 203.6', () => {
    expect(result.total).toBe('203.60');
    expect(result.intermediates).toEqual({
      initial: '194.00', leaderEvaluation: '5.00', specialBonus: '7.00', specialDeduction: '3.00', provincialRank: '0.60', veto: '0.00',
    });
    expect(result.vetoEffects).toEqual([]);
  });

  it('explains every point', () => {
    expect(result.trace.filter((e) => e.depth === 0).map((e) => [e.label, e.points])).toEqual([
      ['初步考核得分', '+194.00'],
      ['局领导综合评价', '+5.00'],
      ['特殊情况加分', '+7.00'],
      ['特殊情况扣分', '-3.00'],
      ['全省排位加扣分', '+0.60'],
      ['一票否决', '0.00'],
    ]);
    const items = result.trace.filter((e) => e.rule === 'completion');
    expect(items.map((e) => e.points)).toEqual(['+88.00', '+56.00', '+50.00']);
    expect(items[0].detail).toBe('分值 80.00，目标 100，完成 120（完成率 120.00%），超额完成，按比例应得 96.00，超额加分以该项分值的 10%（8.00）为限，得 88.00');
    expect(result.trace.find((e) => e.rule === 'rankAdjustment')?.detail).toBe('排第 8 名（共 21 名，以第 11 名为基准），上升 3 位，每位 0.2 分，计 +0.60');
    expectTraceAddsUp(result);
  });

  it('is 先进 within the top 4 of its category (≥ 150, not vetoed), 合格 as 5th', () => {
    const others = [210, 208, 205, 190].map((points, i) => computeScore(guangyuan, {
      subjectId: `u${i}`, category: '局直属单位', inputs: { initial: [{ points: 200, target: 200, actual: points }] },
    }));
    const grade = (members: typeof others) => gradeCohort(guangyuan, [result, ...members].map((score) => ({ subjectId: score.subjectId, category: score.category, score })))[0];
    expect(grade(others.slice(1))).toMatchObject({ rank: 3, level: 'advanced', levelLabel: '先进' });
    expect(grade([...others.slice(0, 3), computeScore(guangyuan, { subjectId: 'u9', category: '局直属单位', inputs: { initial: [{ points: 200, target: 100, actual: 104 }] } })]))
      .toMatchObject({ rank: 5, level: 'pass', levelLabel: '合格' });
  });
});
