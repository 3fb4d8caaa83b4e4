/**
 * One target of a plan: a core task of a commitment letter (核心任务) or an annual indicator of a unit
 * (年度目标绩效指标), as the forms `commitment-letter`, `unit-targets` and `target-adjustment` submit it.
 */
export interface PlanTarget {
  name: string;
  /** quantitative target (量化目标 / 目标值), a number the completion scoring (R2) compares the actual with */
  target: number;
  /** unit of measure (计量单位) */
  measure: string;
  /** points (分值) */
  points: number;
  /** deadline (完成时限), free text such as "2026-06-30" or "每季度末" */
  deadline?: string;
}

/** What the evaluation stage reads: the `coreTasks` completion leaf of the civil-servant-model rule set. */
export interface CoreTask {
  name: string;
  points: number;
  target: number;
  measure: string;
}

/** The targets of a submission or a stored version, keeping only the fields a target has. */
export function planTargets(value: unknown): PlanTarget[] {
  if (!Array.isArray(value)) return [];
  return value.map((row: Record<string, unknown>) => ({
    name: String(row.name ?? ''),
    target: Number(row.target),
    measure: String(row.measure ?? ''),
    points: Number(row.points),
    ...(row.deadline ? { deadline: String(row.deadline) } : {}),
  }));
}

export function coreTasks(targets: PlanTarget[]): CoreTask[] {
  return targets.map(({ name, points, target, measure }) => ({ name, points, target, measure }));
}
