import type { SubjectInput } from '../../server/scoring/index.ts';
import type { Variables } from '../port.ts';

/** The four dimensions every rater group rates (德 能 勤 廉); 绩 comes from the core tasks and the supervisor. */
const DIMENSIONS = [
  ['de', 'De'],
  ['neng', 'Neng'],
  ['qin', 'Qin'],
  ['lian', 'Lian'],
] as const;

export interface CoreTaskTarget {
  name: string;
  points: number;
  target: number;
}

type Ratings = Partial<Record<string, number>>;

const list = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);
const numbers = (values: unknown[]) => values.filter((v): v is number => typeof v === 'number');

/**
 * The scoring input of an annual evaluation (绩效评价) for the 德能勤绩廉 rule sets (civil-servant-model), from the
 * evaluation forms' variables: leaders' votes (`leaderVotes`, one `{de, neng, qin, lian}` per leader) and the
 * supervisor's rating (`supervisorDe` …) form the leader group, peer reviews (`peerReviews`) the peer group, the
 * service objects' survey (`publicSatisfaction`) the public group and `publicService` the service evaluation; core
 * tasks are scored from the published targets and the self-evaluation's actual values (`coreTaskResults`, in the
 * order of the targets); the supervisor rates 特色贡献 (`contribution`). An upheld appeal's corrections
 * (`correctedContribution`, `correctedCoreTaskResults`) replace what they name.
 */
export function evaluationSubject(subjectId: string, variables: Variables, targets: CoreTaskTarget[]): SubjectInput {
  const leaderVotes = list<Ratings>(variables.leaderVotes);
  const peerReviews = list<Ratings>(variables.peerReviews);
  const inputs: Record<string, unknown> = {};
  for (const [key, suffix] of DIMENSIONS) {
    inputs[key] = {
      leaders: numbers([...leaderVotes.map((r) => r[key]), variables[`supervisor${suffix}`]]),
      peers: numbers(peerReviews.map((r) => r[key])),
      public: numbers([variables.publicSatisfaction]),
    };
  }
  const corrected = list<{ actual?: number } | null>(variables.correctedCoreTaskResults);
  const reported = list<{ actual?: number }>(variables.coreTaskResults);
  inputs.coreTasks = targets.map((t, i) => ({ name: t.name, points: t.points, target: t.target, actual: corrected[i]?.actual ?? reported[i]?.actual ?? 0 }));
  inputs.contribution = typeof variables.correctedContribution === 'number' ? variables.correctedContribution : variables.contribution;
  inputs.serviceEvaluation = numbers([variables.publicService]);
  return { subjectId, name: typeof variables.subjectName === 'string' ? variables.subjectName : undefined, inputs };
}
