import type { Platform } from '../../server/platform.ts';
import { computeScoreWorker } from './compute-score.ts';
import { gradeCohortWorker } from './grade-cohort.ts';
import { computeDeadlineWorker } from './compute-deadline.ts';
import { applyResultsWorker } from './apply-results.ts';
import { remindAssigneeWorker } from './remind-assignee.ts';
import { publishPlanWorker } from './publish-plan.ts';
import { applyTargetAdjustmentWorker } from './apply-target-adjustment.ts';
import { ledgerStatusWorker } from './ledger-status.ts';
import { ledgerReminderWorker } from './ledger-reminder.ts';

/** The platform's job workers, by the task type a BPMN service task names in zeebe:taskDefinition. */
export function registerWorkers(platform: Platform) {
  platform.engine.registerWorker('compute-score', computeScoreWorker(platform));
  platform.engine.registerWorker('grade-cohort', gradeCohortWorker(platform));
  platform.engine.registerWorker('compute-deadline', computeDeadlineWorker(platform));
  platform.engine.registerWorker('apply-results', applyResultsWorker(platform));
  platform.engine.registerWorker('remind-assignee', remindAssigneeWorker(platform));
  platform.engine.registerWorker('publish-plan', publishPlanWorker(platform));
  platform.engine.registerWorker('apply-target-adjustment', applyTargetAdjustmentWorker(platform));
  platform.engine.registerWorker('ledger-status', ledgerStatusWorker(platform));
  platform.engine.registerWorker('ledger-reminder', ledgerReminderWorker(platform));
}
