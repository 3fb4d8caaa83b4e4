/**
 * Scoring benchmark: compute and grade 100,000 people × 30 indicators with the library, and the same
 * arithmetic as a plain loop without traces, in the same run. The library keeps what it needs for every
 * score's and grade's trace and writes a trace out when it is read; reading traces is timed separately.
 * Prints the times; the last line is `ratio <scoring/plain>`.
 *
 *   npm run bench:scoring            (PEOPLE=20000 npm run bench:scoring for a smaller run)
 */
import { computeScore, gradeCohort, validateRuleSet } from '../server/scoring/index.ts';
import type { RuleSet, ScoreResult, SubjectInput } from '../server/scoring/index.ts';

const PEOPLE = Number(process.env.PEOPLE ?? 100_000);
const DIMENSIONS = 5;
const LEAVES_PER_DIMENSION = 6;
const RATINGS = ['好', '较好', '一般', '较差'];
const RATING_VALUES = [100, 85, 70, 50];

/** 30 leaves: per dimension 4 rated and 2 completion indicators; two weighted parts and a FEEL total. */
function benchRuleSet(): RuleSet {
  const leaf = (d: number, l: number) => ({
    key: `d${d}l${l}`,
    name: `指标 ${d}.${l}`,
    weight: [20, 20, 15, 15, 15, 15][l],
    method: l < 4
      ? { type: 'ratingScale' as const, scale: RATINGS.map((label, i) => ({ label, value: RATING_VALUES[i] })) }
      : { type: 'completion' as const, overAchievementCap: 10 },
  });
  const dimension = (d: number) => ({
    key: `d${d}`,
    name: `维度 ${d}`,
    weight: d === 0 ? 100 : 25,
    children: Array.from({ length: LEAVES_PER_DIMENSION }, (_, l) => leaf(d, l)),
  });
  const candidate = {
    id: 'bench', name: '基准测试规则集', version: 1, subjectKind: 'person',
    indicators: [
      { key: 'conduct', name: '作风', points: 100, children: [dimension(0)] },
      { key: 'work', name: '工作实绩', points: 100, children: [1, 2, 3, 4].map(dimension) },
    ],
    total: '=work * 0.7 + conduct * 0.3',
    grading: {
      levels: [{ code: 'excellent', label: '优秀' }, { code: 'good', label: '良好' }, { code: 'pass', label: '合格' }, { code: 'fail', label: '不合格' }],
      rules: [{ level: 'excellent', top: { share: 15, rounding: 'down' } }, { level: 'good', minScore: 80 }, { level: 'pass', minScore: 60 }],
      otherwise: 'fail',
      rankBy: [{ key: 'work', direction: 'desc' }],
      ties: 'excludeAll',
    },
  };
  const validation = validateRuleSet(candidate);
  if (!validation.ok) throw new Error(JSON.stringify(validation.errors));
  return validation.ruleSet;
}

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The cohort as it arrives at the library: parsed from JSON (a cohort file, process variables). */
function cohort(): SubjectInput[] {
  const next = random(42);
  const subjects = Array.from({ length: PEOPLE }, (_, p) => {
    const inputs: Record<string, unknown> = {};
    for (let d = 0; d < DIMENSIONS; d += 1) {
      for (let l = 0; l < LEAVES_PER_DIMENSION; l += 1) {
        inputs[`d${d}l${l}`] = l < 4
          ? RATINGS[Math.floor(next() * 4)]
          : { target: 100, actual: Math.round(next() * 1300) / 10 };
      }
    }
    return { subjectId: `p${p}`, inputs };
  });
  return JSON.parse(JSON.stringify(subjects));
}

/** The library: every subject scored, then the cohort graded (traces available on every result). */
function withLibrary(ruleSet: RuleSet, subjects: SubjectInput[]) {
  const scores: ScoreResult[] = subjects.map((subject) => computeScore(ruleSet, subject));
  return gradeCohort(ruleSet, scores.map((score) => ({ subjectId: score.subjectId, score })));
}

// The same arithmetic by hand: exact hundredths, the same rounding points, no trace, no rule-set interpretation.
const roundDiv = (n: number, d: number) => {
  const q = Math.floor(n / d);
  return 2 * (n - q * d) >= d ? q + 1 : q;
};
const ratingCents = new Map(RATINGS.map((label, i) => [label, RATING_VALUES[i] * 100]));
const LEAF_WEIGHTS = [2000, 2000, 1500, 1500, 1500, 1500];
const LEAF_KEYS = Array.from({ length: DIMENSIONS }, (_, d) => Array.from({ length: LEAVES_PER_DIMENSION }, (_, l) => `d${d}l${l}`));

function plainLoop(subjects: SubjectInput[]) {
  const n = subjects.length;
  const totals = new Float64Array(n);
  const works = new Float64Array(n);
  for (let p = 0; p < n; p += 1) {
    const inputs = subjects[p].inputs!;
    let conduct = 0;
    let work = 0;
    for (let d = 0; d < DIMENSIONS; d += 1) {
      let dimension = 0;
      for (let l = 0; l < LEAVES_PER_DIMENSION; l += 1) {
        const input = inputs[LEAF_KEYS[d][l]];
        let score: number;
        if (l < 4) {
          score = ratingCents.get(input as string)!;
        } else {
          const { target, actual } = input as { target: number; actual: number };
          const actualTenths = Math.round(actual * 10);
          score = Math.min(roundDiv(10000 * actualTenths, target * 10), 11000);
        }
        dimension += roundDiv(score * LEAF_WEIGHTS[l], 10000);
      }
      if (d === 0) conduct = dimension;
      else work += roundDiv(dimension * 2500, 10000);
    }
    works[p] = work;
    totals[p] = roundDiv(work * 7, 10) + roundDiv(conduct * 3, 10);
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => totals[b] - totals[a] || works[b] - works[a]);
  const quota = Math.floor((n * 1500) / 10000);
  const levels = new Array<string>(n);
  let end = quota;
  if (quota > 0 && quota < n) {
    const same = (a: number, b: number) => totals[a] === totals[b] && works[a] === works[b];
    while (end > 0 && same(order[end - 1], order[quota])) end -= 1;
  }
  order.forEach((i, position) => {
    levels[i] = position < end ? 'excellent' : totals[i] >= 8000 ? 'good' : totals[i] >= 6000 ? 'pass' : 'fail';
  });
  return { totals, levels };
}

function time<T>(run: () => T): { ms: number; result: T } {
  const start = performance.now();
  const result = run();
  return { ms: performance.now() - start, result };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const ruleSet = benchRuleSet();
const subjects = cohort();

// Warm up both paths and check that they agree, so the comparison is of the same arithmetic.
const sample = subjects.slice(0, 2000);
const graded = withLibrary(ruleSet, sample);
const plain = plainLoop(sample);
graded.forEach((grade, i) => {
  if (grade.total !== (plain.totals[i] / 100).toFixed(2) || grade.level !== plain.levels[i]) {
    throw new Error(`library and plain loop disagree on ${grade.subjectId}: ${grade.total} ${grade.level} vs ${plain.totals[i] / 100} ${plain.levels[i]}`);
  }
});

const libraryTimes: number[] = [];
const plainTimes: number[] = [];
for (let run = 0; run < 3; run += 1) {
  plainTimes.push(time(() => plainLoop(subjects)).ms);
  libraryTimes.push(time(() => withLibrary(ruleSet, subjects)).ms);
}
const library = median(libraryTimes);
const loop = median(plainTimes);

const sampleScores = subjects.slice(0, 10_000).map((subject) => computeScore(ruleSet, subject));
const sampleGrades = gradeCohort(ruleSet, sampleScores.map((score) => ({ subjectId: score.subjectId, score })));
const traced = time(() => sampleScores.reduce((n, score) => n + score.trace.length, 0) + sampleGrades.reduce((n, grade) => n + grade.trace.length, 0));

console.log(`cohort: ${PEOPLE.toLocaleString('en')} people × ${DIMENSIONS * LEAVES_PER_DIMENSION} indicators, median of 3 runs`);
console.log(`scoring + grading (library):                  ${library.toFixed(0)} ms`);
console.log(`plain loop (same arithmetic, no traces):      ${loop.toFixed(0)} ms`);
console.log(`reading the score and grade traces of 10,000 subjects (${traced.result.toLocaleString('en')} entries): ${traced.ms.toFixed(0)} ms`);
console.log(`ratio ${(library / loop).toFixed(2)}`);
