import type { JobHandler } from '../port.ts';
import type { Platform } from '../../server/platform.ts';
import type { LedgerStep } from '../../server/services/ledger/ledger-service.ts';

const STEPS: LedgerStep[] = ['reported', 'confirmed', 'returned'];

/**
 * `ledger-status` (记录台账状态): writes a step of a ledger item's process back to the item named by the
 * instance — header `step`: `reported` (the owner's `progress` and `progressNote`), `confirmed` (done) or
 * `returned` (back in progress).
 */
export function ledgerStatusWorker(p: Platform): JobHandler {
  return async ({ instanceKey, variables, customHeaders }) => {
    const step = customHeaders.step as LedgerStep;
    if (!STEPS.includes(step)) throw new Error(`任务头 step 应为 ${STEPS.join(' / ')}（当前为「${customHeaders.step ?? ''}」）/ task header "step" must be one of ${STEPS.join(', ')}`);
    await p.ledger.applyStep(instanceKey, step, { progress: variables.progress, progressNote: variables.progressNote });
  };
}
