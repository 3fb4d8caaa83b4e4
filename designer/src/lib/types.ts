/** Shapes of the HTTP API (docs/api.md). Rule sets and dry runs are the scoring library's own types. */

import type {
  DryRunResult, GradeRules, Indicator, RuleSet, RuleSetChange, RuleSetOverrides, ScoringMethod
} from '../../../server/scoring/index.ts';

export type { DryRunResult, GradeRules, Indicator, RuleSet, RuleSetChange, RuleSetOverrides, ScoringMethod };

export type Role = 'admin' | 'office' | 'unit_admin' | 'leader' | 'supervisor' | 'staff' | 'inspector' | 'public';

export interface UnitRef {
  id: number;
  name: string;
}

/** A unit the user manages (GET /api/units), in tree order with its depth for indenting. */
export interface ManagedUnit extends UnitRef {
  code: string;
  parentId: number | null;
  category: string | null;
  depth: number;
}

export interface PersonRef {
  username: string;
  displayName: string;
}

/** A role held in the scope of one unit (and its subtree). */
export interface RoleGrant {
  role: Role;
  unitId: number;
}

export interface User {
  id: number;
  username: string;
  displayName: string;
  unit: UnitRef | null;
  roles: RoleGrant[];
}

export interface Task {
  id: string;
  name: string;
  elementId: string;
  processId: string;
  processName?: string;
  instanceId: string;
  formKey: string;
  assignee: string | null;
  candidateGroups: string[];
  dueDate: string | null;
  state: 'open' | 'completed';
  createdAt: string;
  completedAt: string | null;
  subject: PersonRef | null;
}

/** A Form.io form definition, passed through to the renderer untouched. */
export type FormSchema = { components: unknown[] } & Record<string, unknown>;

export type FormData = Record<string, unknown>;

export interface TaskDetail {
  task: Task;
  form: FormSchema;
  data: FormData;
}

export interface ProcessSummary {
  processId: string;
  name: string | null;
  version: number;
  deployedAt: string;
}

export interface ProcessDetail extends ProcessSummary {
  xml: string;
  versions: unknown[];
}

export interface Deployment {
  processId: string;
  version: number;
}

/** One line of a score's computation trace (计分明细). */
export interface TraceEntry {
  rule: string;
  label: string;
  points: string | number | null;
  detail: string | null;
  /** 0 for the terms of the total; the parts of an entry follow it one level deeper. */
  depth?: number;
  /** `input`: a value the entry above used without adding it (a single rating that was averaged …). */
  kind?: 'term' | 'input';
}

/** One reason of a grade level (等次评定过程): rank, quota, threshold, pool, tie, veto, result … */
export interface GradeTraceEntry {
  rule: string;
  detail: string;
}

export interface Result {
  id: number;
  instanceId: string;
  subject: PersonRef;
  unit: UnitRef | null;
  period: string;
  score: string | null;
  grade: string | null;
  trace: TraceEntry[];
  gradeTrace?: GradeTraceEntry[];
  createdAt: string;
}

/** A stored version of a rule set (计分规则集); `unitId` null is a shipped preset for everyone. */
export interface RuleSetSummary {
  id: number;
  code: string;
  unitId: number | null;
  unitName: string | null;
  version: number;
  name: string;
  /** The version overrides what it inherits from the nearest ancestor unit. */
  inherits: boolean;
  createdBy: string | null;
  createdAt: string;
}

export interface RuleSetDetail extends RuleSetSummary {
  overrides: RuleSetOverrides | null;
  /** The rules in force: the inherited rule set with every override on the way applied. */
  effective: RuleSet;
  parent: RuleSetSummary | null;
  differences: RuleSetChange[];
}

/** A unit's new version: overrides (a JSON merge patch) of the rule set it inherits. */
export interface RuleSetDraft {
  code: string;
  unitId: number;
  overrides: RuleSetOverrides;
}

/** One item of `error.details`: a form or rule-set path, a BPMN element or a dry-run subject it is about. */
export interface ErrorDetail {
  path?: string;
  code?: string;
  subjectId?: string;
  elementId?: string;
  zh?: string;
  en?: string;
  message?: string;
}

/** 工作台账 item with its light (红黄绿灯), as GET /api/ledger answers. */
export interface LedgerItem {
  id: number;
  title: string;
  description: string | null;
  owner: PersonRef | null;
  unit: { id: number; name: string | null };
  period: string;
  deadline: string;
  deadlineDate: string;
  urgency: 'urgent' | 'important' | 'normal';
  progress: number;
  progressNote: string | null;
  status: 'in_progress' | 'awaiting_confirmation' | 'done';
  light: { light: 'red' | 'yellow' | 'green'; code: string; zh: string; en: string };
  reminders: Array<{ kind: 'remind' | 'urge'; recipient: string | null; at: string }>;
}

export interface NewLedgerItem {
  title: string;
  description?: string;
  owner: string;
  deadline: string;
  urgency: LedgerItem['urgency'];
}

export type RecordKind = 'commendation' | 'errorNotice' | 'inspection';

/** 点赞 / 错情 / 察访核验, as GET /api/performance-records answers; points are signed. */
export interface PerformanceRecord {
  id: number;
  kind: RecordKind;
  person: PersonRef | null;
  date: string;
  reason: string;
  itemLabel: string;
  points: number;
  rankLabel: string | null;
  bonusCancelled: string[];
  recordedBy: string;
  revoked: { by: string; at: string; reason: string } | null;
  mayRevoke: boolean;
}

export interface NewPerformanceRecord {
  kind: RecordKind;
  username: string;
  date: string;
  reason: string;
  code?: string;
  points?: number;
  rank?: string;
  multiplier?: string;
}

interface CatalogueOption {
  code: string;
  label: string;
  points?: number;
  maxPoints?: number;
}

/** What a record may say (GET /api/performance-records/catalogue). */
export interface RecordCatalogue {
  commendation: { items: CatalogueOption[] };
  errorNotice: { items: CatalogueOption[] };
  inspection: { kinds: Array<{ code: string; label: string; points: Record<string, number> }>; ranks: CatalogueOption[]; multipliers: Array<{ code: string; label: string; factor: number }> };
}

/** One target of a published plan: a core task (核心任务) or a unit's indicator (年度目标). */
export interface PlanTarget {
  name: string;
  target: number;
  measure: string;
  points: number;
  deadline?: string;
}

/** A published plan (GET /api/plans): the targets of the version in force. */
export interface Plan {
  id: number;
  subjectKind: 'person' | 'unit';
  subject: { username: string; displayName: string } | null;
  unit: { id: number; name: string | null };
  period: string;
  version: number;
  targets: PlanTarget[];
  publishedAt: string;
  updatedAt: string;
}

/** A plan with every version (GET /api/plans/:id). */
export interface PlanDetail extends Plan {
  versions: Array<{
    version: number;
    kind: 'publish' | 'adjust';
    targets: PlanTarget[];
    reason: string | null;
    requestedBy: string;
    requestedAt: string;
    approvals: Array<{ step: string; by: string; at: string; comment: string | null }>;
    createdAt: string;
  }>;
}

export type CycleKind = 'annual' | 'quarterly' | 'monthly';

/** A person whose instance could not be started when the cycle was launched. */
export interface CycleFailure {
  userId: number;
  name?: string;
  error: string | null;
}

/** How far a cycle's launch is: started of total people, those still pending and those that failed. */
export interface CycleProgress {
  total: number;
  started: number;
  pending: number;
  failed: number;
  failures: CycleFailure[];
}

/** 考核周期 (GET /api/cycles): one process for every person of a unit subtree and period. */
export interface Cycle {
  id: number;
  name: string;
  kind: CycleKind;
  period: string;
  processId: string;
  ruleSet: string;
  unitId: number;
  status: 'draft' | 'launching' | 'launched';
  createdBy: string | null;
  createdAt: string;
  launchedAt: string | null;
  evaluationOpenedAt: string | null;
  progress: CycleProgress;
}

export interface NewCycle {
  name: string;
  kind: CycleKind;
  period: string;
  processId: string;
  ruleSet: string;
  unitId: number;
}

export type Light = 'red' | 'yellow' | 'green';

/** One step of a cycle's overview: people at it, open and overdue tasks, and their lights. */
export interface CycleStep {
  name: string;
  people: number;
  open: number;
  overdue: number;
  lights: Record<Light, number>;
}

/** GET /api/cycles/:id/overview */
export interface CycleOverview {
  cycle: Cycle;
  steps: CycleStep[];
  scored: number;
  graded: number;
  applied: number;
}

export type ResultListCode = 'commendation' | 'promotion' | 'training' | 'talk';

/** One person's applied result (结果运用). */
export interface AppliedResult {
  subject: PersonRef;
  period: string;
  grade: string;
  score: string;
  bonusCoefficient: number | null;
  bonusMonthsOffset: number | null;
  lists: ResultListCode[];
  actions: string[];
  appliedAt: string;
}

/** GET /api/cycles/:id/results: the applied results and the four lists they make. */
export interface CycleResults {
  results: AppliedResult[];
  lists: Array<{ code: ResultListCode; zh: string; en: string; people: PersonRef[] }>;
}

/** 消息 (GET /api/notifications). */
export interface Notice {
  id: number;
  kind: string;
  zh: string;
  en: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

/** A graded cycle's publicity (GET /api/publicity): each person's name, unit and grade. */
export interface Publicity {
  cycle: { id: number; name: string; period: string };
  entries: Array<{ name: string; unit: string | null; grade: string }>;
}
