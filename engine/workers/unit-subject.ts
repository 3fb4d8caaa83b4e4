import type { SubjectInput } from '../../server/scoring/index.ts';
import type { Variables } from '../port.ts';
import type { CoreTaskTarget } from './evaluation-subject.ts';

interface Commendation {
  code?: string;
  work?: string;
  points?: number;
}

interface Criticism {
  code?: string;
  bureauPenalised?: boolean;
}

interface Vote {
  voter?: string;
  rating?: string;
}

const list = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);
const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

const bonusItem = (c: Commendation) => ({ code: c.code, ...(text(c.work) ? { work: c.work } : {}), ...(typeof c.points === 'number' ? { points: c.points } : {}) });
const deductionItem = (c: Criticism) => ({ code: c.code, ...(c.bureauPenalised === true ? { multiplier: 'bureauPenalised' } : {}) });

/**
 * The scoring input of a unit's annual target assessment (单位年度目标绩效考核, 002 §9–11) for the guangyuan-2017 rule
 * sets, from the variables of `unit-assessment`:
 * - `initial` (R2): the unit's published targets with the actual values it reported (`targetResults`, in the order of
 *   the targets), each replaced by the office's correction when it gave one (`correctedTargetResults`);
 * - `leaderEvaluation` (R3): each leader's rating (`leaderRatings`, `{voter, rating}`), the director's at the
 *   director's values and everyone else's at the other leaders';
 * - `specialBonus` (R4) and `specialDeduction` (R5): the commendations and criticisms the unit listed, or the office's
 *   lists instead when it corrected the report (`correctReport`);
 * - `provincialRank` (R6) and `veto` (R7): entered by the office.
 */
export function unitSubject(subjectId: string, variables: Variables, targets: CoreTaskTarget[]): SubjectInput {
  const corrected = variables.correctReport === true;
  const reported = list<{ actual?: number }>(variables.targetResults);
  const correctedResults = list<{ actual?: number } | null>(variables.correctedTargetResults);
  const votes = list<Vote>(variables.leaderRatings);
  const director = votes.filter((v) => v.voter === variables.director).map((v) => v.rating);
  const leaders = votes.filter((v) => v.voter !== variables.director).map((v) => v.rating);
  const commendations = list<Commendation>(corrected ? variables.correctedCommendations : variables.commendations);
  const criticisms = list<Criticism>(corrected ? variables.correctedCriticisms : variables.criticisms);
  const inputs: Record<string, unknown> = {
    initial: targets.map((t, i) => ({ name: t.name, points: t.points, target: t.target, actual: correctedResults[i]?.actual ?? reported[i]?.actual ?? 0 })),
    leaderEvaluation: { director, leader: leaders },
    specialBonus: commendations.map(bonusItem),
    specialDeduction: criticisms.map(deductionItem),
    veto: list<{ code?: string; note?: string }>(variables.vetoes).map((v) => ({ code: v.code, ...(text(v.note) ? { note: v.note } : {}) })),
  };
  if (typeof variables.provincialRank === 'number') inputs.provincialRank = variables.provincialRank;
  return { subjectId, name: text(variables.subjectName), inputs };
}
