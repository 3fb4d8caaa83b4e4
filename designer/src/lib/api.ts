import type {
  Deployment, DryRunResult, ErrorDetail, FormData, ProcessDetail, ProcessSummary, Result, RuleSetDetail, RuleSetDraft,
  RuleSetSummary, ManagedUnit, Task, TaskDetail, User, LedgerItem, NewLedgerItem, PerformanceRecord, NewPerformanceRecord, RecordCatalogue, Plan, PlanDetail,
  Cycle, CycleOverview, CycleResults, NewCycle, Notice, Publicity
} from './types';

export interface LocalizedText {
  zh: string;
  en: string;
}

/** An error answer of the API: `{error: {code, zh, en, details?}}`. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly text: LocalizedText;
  readonly details: ErrorDetail[];

  constructor(status: number, code: string, text: LocalizedText, details: ErrorDetail[] = []) {
    super(text.en);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.text = text;
    this.details = details;
  }
}

const unreachable: LocalizedText = { zh: '无法连接服务器，请稍后重试', en: 'Cannot reach the server, please try again' };
const unexpected: LocalizedText = { zh: '服务器返回了无法识别的响应', en: 'The server sent an unexpected response' };

let unauthorizedHandler: () => void = () => {};

/** Called whenever a request other than the login itself answers 401. */
export function onUnauthorized(handler: () => void): void {
  unauthorizedHandler = handler;
}

async function errorOf(response: Response): Promise<ApiError> {
  const body = await response.json().catch(() => null);
  const error = body?.error;
  if (!error?.code) return new ApiError(response.status, 'http.' + response.status, unexpected);
  return new ApiError(response.status, error.code, { zh: error.zh, en: error.en }, error.details ?? []);
}

async function request<T>(method: string, endpoint: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch('/api' + endpoint, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? undefined : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body)
    });
  } catch {
    throw new ApiError(0, 'network.unreachable', unreachable);
  }
  if (!response.ok) {
    const error = await errorOf(response);
    if (response.status === 401 && endpoint !== '/auth/login') unauthorizedHandler();
    throw error;
  }
  return (response.status === 204 ? undefined : await response.json()) as T;
}

/** `path\`/tasks/${id}\`` with every interpolated id URL-encoded. */
const path = (strings: TemplateStringsArray, ...ids: string[]) =>
  strings.reduce((out, part, i) => out + part + (i < ids.length ? encodeURIComponent(ids[i]) : ''), '');

export const api = {
  login: (username: string, password: string) => request<{ user: User }>('POST', '/auth/login', { username, password }),
  logout: () => request<void>('POST', '/auth/logout'),
  me: () => request<User>('GET', '/me'),

  tasks: () => request<Task[]>('GET', '/tasks'),
  task: (id: string) => request<TaskDetail>('GET', path`/tasks/${id}`),
  completeTask: (id: string, data: FormData) => request<{ task: Task }>('POST', path`/tasks/${id}/complete`, { data }),

  processes: () => request<ProcessSummary[]>('GET', '/processes'),
  units: () => request<ManagedUnit[]>('GET', '/units'),
  publicity: () => request<Publicity[]>('GET', '/publicity'),
  process: (processId: string) => request<ProcessDetail>('GET', path`/processes/${processId}`),
  deploy: (xml: string) => request<Deployment>('POST', '/processes/deploy', { xml }),

  results: () => request<Result[]>('GET', '/results'),

  plans: () => request<Plan[]>('GET', '/plans'),
  plan: (id: number) => request<PlanDetail>('GET', path`/plans/${String(id)}`),

  ruleSets: () => request<RuleSetSummary[]>('GET', '/rule-sets'),
  ruleSet: (id: number) => request<RuleSetDetail>('GET', path`/rule-sets/${String(id)}`),
  saveRuleSet: (draft: RuleSetDraft) => request<RuleSetSummary>('POST', '/rule-sets', draft),
  dryRun: (id: number, cohort: unknown) => request<DryRunResult>('POST', path`/rule-sets/${String(id)}/dry-run`, { cohort }),

  ledger: () => request<LedgerItem[]>('GET', '/ledger'),
  assignLedgerItem: (item: NewLedgerItem) => request<LedgerItem>('POST', '/ledger', item),
  performanceRecords: () => request<PerformanceRecord[]>('GET', '/performance-records'),
  recordCatalogue: () => request<RecordCatalogue>('GET', '/performance-records/catalogue'),
  enterRecord: (record: NewPerformanceRecord) => request<PerformanceRecord>('POST', '/performance-records', record),
  revokeRecord: (id: number, reason: string) => request<PerformanceRecord>('POST', path`/performance-records/${String(id)}/revoke`, { reason }),

  cycles: () => request<Cycle[]>('GET', '/cycles'),
  cycle: (id: number) => request<Cycle>('GET', path`/cycles/${String(id)}`),
  createCycle: (cycle: NewCycle) => request<Cycle>('POST', '/cycles', cycle),
  launchCycle: (id: number) => request<Cycle>('POST', path`/cycles/${String(id)}/launch`),
  cycleOverview: (id: number) => request<CycleOverview>('GET', path`/cycles/${String(id)}/overview`),
  openEvaluation: (id: number) => request<Cycle & { opened: number }>('POST', path`/cycles/${String(id)}/evaluation`),
  cycleResults: (id: number) => request<CycleResults>('GET', path`/cycles/${String(id)}/results`),

  notifications: () => request<Notice[]>('GET', '/notifications'),
  markNoticeRead: (id: number) => request<{ id: number; read: true }>('POST', path`/notifications/${String(id)}/read`)
};
