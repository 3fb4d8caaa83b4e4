import type { JobHandler } from '../port.ts';
import type { Platform } from '../../server/platform.ts';
import type { ReminderKind } from '../../server/models/ledger.ts';

const KINDS: ReminderKind[] = ['remind', 'urge'];

/**
 * `ledger-reminder` (台账提醒 / 催办): a ledger item's timer fired — header `kind`: `remind` before the deadline,
 * `urge` (催办) after it. Records the reminder on the item and as an urge on the open task of the instance.
 */
export function ledgerReminderWorker(p: Platform): JobHandler {
  return async ({ instanceKey, jobKey, customHeaders }) => {
    const kind = customHeaders.kind as ReminderKind;
    if (!KINDS.includes(kind)) throw new Error(`任务头 kind 应为 remind 或 urge（当前为「${customHeaders.kind ?? ''}」）/ task header "kind" must be remind or urge`);
    await p.inTransaction((transaction) => p.ledger.remind(instanceKey, kind, jobKey, transaction));
  };
}
