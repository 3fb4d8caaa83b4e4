/** Properties over random cohorts and inputs (fast-check). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CohortMember, computeScore, dryRun, getPreset, gradeCohort, type RuleSet, validateRuleSet } from '../../server/scoring/index.ts';
import { quotaCount } from '../../server/scoring/quota.ts';
import type { QuotaRounding, TiePolicy } from '../../server/scoring/rule-set.ts';
import { expectTraceAddsUp } from './helpers.ts';

function quotaRuleSet(share: number, rounding: QuotaRounding, ties: TiePolicy): RuleSet {
  const result = validateRuleSet({
    id: 'p', name: '名额', version: 1, subjectKind: 'person',
    indicators: [{ key: 'score', name: '得分', method: { type: 'ratingScale' } }, { key: 'second', name: '次要', method: { type: 'ratingScale' } }],
    total: '=score',
    grading: {
      levels: [{ code: 'top', label: '优秀' }, { code: 'mid', label: '良好' }, { code: 'rest', label: '合格' }],
      rules: [{ level: 'top', top: { share, rounding } }, { level: 'mid', top: { count: 3, among: 'eligible' } }],
      otherwise: 'rest',
      rankBy: [{ key: 'second', direction: 'desc' }],
      ties,
    },
  });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.ruleSet;
}

/** Scores from a small range so that ties are frequent. */
const cohortArb = fc.array(fc.record({ total: fc.integer({ min: 60, max: 70 }), second: fc.integer({ min: 0, max: 2 }), category: fc.constantFrom('甲', '乙') }), { maxLength: 60 });
const quotaArb = fc.record({ share: fc.integer({ min: 1, max: 10000 }).map((n) => n / 100), rounding: fc.constantFrom<QuotaRounding>('halfUp', 'up', 'down') });

function membersOf(specs: Array<{ total: number; second: number; category: string }>): CohortMember[] {
  return specs.map((s, i) => ({
    subjectId: `s${i}`,
    category: s.category,
    score: { total: s.total.toFixed(2), intermediates: { score: s.total.toFixed(2), second: s.second.toFixed(2) }, vetoEffects: [] },
  }));
}

describe('properties', () => {
  it('grading never exceeds a quota (tie policy exclude all), in any category', () => {
    fc.assert(fc.property(cohortArb, quotaArb, (specs, { share, rounding }) => {
      const grades = gradeCohort(quotaRuleSet(share, rounding, 'excludeAll'), membersOf(specs));
      for (const category of ['甲', '乙']) {
        const inCategory = grades.filter((g) => g.category === category);
        expect(inCategory.filter((g) => g.level === 'top').length).toBeLessThanOrEqual(quotaCount(inCategory.length, share, rounding));
        expect(inCategory.filter((g) => g.level === 'mid').length).toBeLessThanOrEqual(3);
      }
    }));
  });

  it('with include all, only subjects tied with the last one inside the quota go beyond it', () => {
    fc.assert(fc.property(cohortArb, quotaArb, (specs, { share, rounding }) => {
      const grades = gradeCohort(quotaRuleSet(share, rounding, 'includeAll'), membersOf(specs));
      for (const category of ['甲', '乙']) {
        const top = grades.filter((g) => g.category === category && g.level === 'top').sort((a, b) => a.rank - b.rank);
        const quota = quotaCount(grades.filter((g) => g.category === category).length, share, rounding);
        if (top.length > quota) expect(top.slice(quota - 1).every((g) => g.rank === top[quota - 1].rank)).toBe(true);
      }
    }));
  });

  it('grades are the same whatever the order of the cohort', () => {
    fc.assert(fc.property(cohortArb.chain((specs) => fc.tuple(fc.constant(specs), fc.shuffledSubarray(specs.map((_, i) => i), { minLength: specs.length }))), quotaArb, ([specs, order], { share, rounding }) => {
      const ruleSet = quotaRuleSet(share, rounding, 'excludeAll');
      const members = membersOf(specs);
      const byId = (grades: ReturnType<typeof gradeCohort>) => Object.fromEntries(grades.map((g) => [g.subjectId, [g.level, g.rank, g.total]]));
      expect(byId(gradeCohort(ruleSet, order.map((i) => members[i])))).toEqual(byId(gradeCohort(ruleSet, members)));
    }));
  });

  const chengdu = getPreset('chengdu-2024')!;
  const rated = fc.constantFrom('好', '较好', '一般', '较差');
  const declarations = fc.array(fc.record({
    self: fc.array(rated, { minLength: 1, maxLength: 5 }),
    supervisor: rated,
    commendations: fc.integer({ min: 0, max: 7 }),
    errors: fc.integer({ min: 0, max: 3 }),
  }), { maxLength: 25 });

  it('scores and grades of a dry run are the same whatever the order of the cohort (chengdu-2024)', () => {
    fc.assert(fc.property(declarations.chain((people) => fc.tuple(fc.constant(people), fc.shuffledSubarray(people.map((_, i) => i), { minLength: people.length }))), ([people, order]) => {
      const subjects = people.map((p, i) => ({
        subjectId: `u${i}`,
        inputs: {
          declaration: { self: p.self, supervisor: p.supervisor },
          commendation: Array.from({ length: p.commendations }, (_, k) => ({ code: 'commendation', work: `w${k}` })),
          errorNotice: Array.from({ length: p.errors }, () => ({ code: 'errorNotice' })),
        },
      }));
      const byId = (run: ReturnType<typeof dryRun>) => Object.fromEntries(run.subjects.map((s) => [s.subjectId, [s.score.total, s.score.trace, s.grade.level, s.grade.rank]]));
      expect(byId(dryRun(chengdu, { subjects: order.map((i) => subjects[i]) }))).toEqual(byId(dryRun(chengdu, { subjects })));
    }), { numRuns: 50 });
  });

  const guangyuan = getPreset('guangyuan-2017')!;
  const guangyuanInput = fc.record({
    items: fc.array(fc.record({ target: fc.integer({ min: 1, max: 500 }), actual: fc.integer({ min: 0, max: 700 }) }), { minLength: 1, maxLength: 6 }),
    director: fc.constantFrom('优', '良', '合格', '较差', '差'),
    leader: fc.array(fc.constantFrom('优', '良', '合格', '较差', '差'), { maxLength: 6 }),
    bonus: fc.array(fc.record({ code: fc.constantFrom('national', 'provincial', 'municipal', 'departmentThird'), work: fc.constantFrom('A', 'B', undefined) }), { maxLength: 6 }),
    deduction: fc.array(fc.record({ code: fc.constantFrom('criticismMunicipal', 'mediaCentral'), count: fc.integer({ min: 1, max: 3 }) }), { maxLength: 4 }),
    rank: fc.integer({ min: 1, max: 21 }),
    vetoes: fc.array(fc.constantFrom('safetyAccident', 'pollution'), { maxLength: 2 }),
  });

  it('the trace adds up to the total (guangyuan-2017, random units)', () => {
    fc.assert(fc.property(guangyuanInput, (u) => {
      const share = Math.floor(20000 / u.items.length) / 100;
      const items = u.items.map((item, i) => ({ ...item, points: i === u.items.length - 1 ? (200 - share * (u.items.length - 1)).toFixed(2) : share }));
      const result = computeScore(guangyuan, {
        subjectId: 'u', category: '局直属单位',
        inputs: {
          initial: items,
          leaderEvaluation: { director: u.director, leader: u.leader },
          specialBonus: u.bonus.map((b) => (b.work ? b : { code: b.code })),
          specialDeduction: u.deduction,
          provincialRank: u.rank,
          veto: u.vetoes,
        },
      });
      expectTraceAddsUp(result);
    }));
  });

  const model = getPreset('civil-servant-model')!;
  const rating = fc.integer({ min: 0, max: 10000 }).map((n) => n / 100);
  const group = fc.record({ leaders: fc.array(rating, { minLength: 1, maxLength: 3 }), peers: fc.array(rating, { minLength: 1, maxLength: 4 }), public: fc.array(rating, { minLength: 1, maxLength: 4 }) });

  it('the trace adds up to the total (civil-servant-model, random people of both post categories)', () => {
    fc.assert(fc.property(fc.constantFrom('综合管理', '执法'), group, group, group, group, rating, fc.array(rating, { minLength: 1, maxLength: 5 }), (post, de, neng, qin, lian, contribution, service) => {
      const result = computeScore(model, {
        subjectId: 'p', postCategory: post,
        inputs: { de, neng, qin, lian, coreTasks: [{ points: 100, target: 7, actual: 5 }], contribution, serviceEvaluation: service },
      });
      expectTraceAddsUp(result);
    }));
  });
});
