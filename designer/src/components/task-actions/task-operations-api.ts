import { ApiError } from '../../lib/api';

/** The fields of a task that the approval operations read. */
export interface OperableTask {
  id: string;
  state: string;
  assignee: string | null;
  owner?: string | null;
  completedBy?: string | null;
  urgeCount?: number;
  lastUrgedAt?: string | null;
  subject: { username: string } | null;
}

export interface TaskEvent {
  id: number;
  taskId: string;
  taskName: string | null;
  action:
    | 'complete'
    | 'transfer'
    | 'delegate'
    | 'resolve'
    | 'cc'
    | 'urge'
    | 'withdraw'
    | 'return'
    | 'add_signer_before'
    | 'add_signer_after'
    | 'sign_approve'
    | 'sign_reject';
  actor: string;
  targetUser: string | null;
  comment: string | null;
  at: string;
}

/** A step already completed in the task's instance, which 退回 may send the task back to. */
export interface ReturnTarget {
  elementId: string;
  name: string;
  completedBy: string | null;
  completedAt: string | null;
}

/** The 退回 that reopened a task: shown on it to the person who handles it again. */
export interface ReturnNote {
  by: string;
  fromStep: string | null;
  comment: string | null;
  at: string;
}

/** A person added to sign a task (加签). */
export interface TaskSigner {
  signer: string;
  owner: string;
  position: 'before' | 'after';
  state: 'pending' | 'approved' | 'rejected';
  addedAt: string;
  signedAt: string | null;
}

async function send<T>(method: string, endpoint: string, body?: unknown): Promise<T> {
  const response = await fetch('/api/tasks/' + endpoint, {
    method,
    credentials: 'same-origin',
    headers: body === undefined ? undefined : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body)
  });
  const answer = await response.json().catch(() => null);
  if (!response.ok) {
    const error = answer?.error ?? { code: 'http.' + response.status, zh: '请求失败', en: 'Request failed' };
    throw new ApiError(response.status, error.code, { zh: error.zh, en: error.en }, error.details ?? []);
  }
  return answer as T;
}

const at = (id: string, operation: string) => `${encodeURIComponent(id)}/${operation}`;

/** The approval operations of `/api/tasks/:id/…` (see docs/task-operations.md). */
export const taskOperations = {
  history: (id: string) => send<TaskEvent[]>('GET', at(id, 'history')),
  transfer: (id: string, to: string, comment: string) => send('POST', at(id, 'transfer'), { to, comment }),
  delegate: (id: string, to: string, comment: string) => send('POST', at(id, 'delegate'), { to, comment }),
  resolve: (id: string, comment: string) => send('POST', at(id, 'resolve'), { comment }),
  cc: (id: string, users: string[], comment: string) => send('POST', at(id, 'cc'), { users, comment }),
  urge: (id: string, comment: string) => send('POST', at(id, 'urge'), { comment }),
  withdraw: (id: string, comment: string) => send<{ task: { id: string } | null }>('POST', at(id, 'withdraw'), { comment }),
  returnTargets: (id: string) => send<ReturnTarget[]>('GET', at(id, 'return-targets')),
  sendBack: (id: string, to: string, comment: string) => send<{ task: { id: string } | null }>('POST', at(id, 'send-back'), { to, comment }),
  returnNote: (id: string) => send<{ note: ReturnNote | null }>('GET', at(id, 'return-note')),
  addSigner: (id: string, to: string, position: 'before' | 'after', comment: string, data?: Record<string, unknown>) =>
    send('POST', at(id, 'add-signer'), { to, position, comment, data }),
  sign: (id: string, decision: 'approve' | 'reject', comment: string) => send('POST', at(id, 'sign'), { decision, comment }),
  signers: (id: string) => send<TaskSigner[]>('GET', at(id, 'signers'))
};
