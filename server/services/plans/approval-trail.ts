/** A submission of a plan's instance, as the inbox stored it, with the name of the task it completed. */
export interface TrailSubmission {
  formKey: string;
  step: string;
  submittedBy: string;
  at: Date;
  data: { decision?: unknown; approvalComment?: unknown };
}

export interface Approval {
  step: string;
  by: string;
  at: string;
  comment: string | null;
}

/** The approval form every step of the plan's approval chain uses (forms/plan-approval.json). */
export const APPROVAL_FORM = 'plan-approval';

/**
 * The approvals the published version went through: the approvals after the last send-back (退回), in order.
 * Earlier rounds ended in a send-back and approved a different text.
 */
export function approvalTrail(submissions: TrailSubmission[]): Approval[] {
  const approvals = submissions.filter((s) => s.formKey === APPROVAL_FORM).sort((a, b) => a.at.getTime() - b.at.getTime());
  const lastReturn = approvals.map((s) => s.data.decision).lastIndexOf('return');
  return approvals
    .slice(lastReturn + 1)
    .map((s) => ({ step: s.step, by: s.submittedBy, at: s.at.toISOString(), comment: typeof s.data.approvalComment === 'string' && s.data.approvalComment ? s.data.approvalComment : null }));
}

/** The last submission of the form that filled the plan in (the commitment letter or the unit's targets). */
export function lastFilled(submissions: TrailSubmission[], formKey: string): TrailSubmission | null {
  const filled = submissions.filter((s) => s.formKey === formKey).sort((a, b) => a.at.getTime() - b.at.getTime());
  return filled.at(-1) ?? null;
}
