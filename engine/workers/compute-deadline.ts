import type { JobHandler, Variables } from '../port.ts';
import type { Platform } from '../../server/platform.ts';

/**
 * `compute-deadline` (计算工作日期限): the end of the N-th working day (task header `days`) after the date in
 * the process variable named by header `from` (now, when there is none), written to the variable named by
 * header `target` (`deadline`) as an ISO 8601 instant, ready for a timer or a due date:
 * `=date and time(deadline)`. The day of the event is not counted (server/calendar/working-days.ts).
 * A period reaching a year without the official holiday calendar is still answered, Monday to Friday plus
 * the admins' overrides, and the warning goes to the log and the audit trail.
 */
export function computeDeadlineWorker(p: Platform): JobHandler {
  return async ({ variables, customHeaders, instanceKey, elementId }) => {
    const days = Number(customHeaders.days);
    if (!Number.isInteger(days) || days < 1) {
      throw new Error(`任务头 days 应为正整数（当前为「${customHeaders.days ?? ''}」）/ task header "days" must be a positive whole number`);
    }
    const target = customHeaders.target || 'deadline';
    const period = await p.calendar.addWorkingDays(startOf(variables, customHeaders.from), days);
    if (period.warnings.length) p.logger.warn({ instanceKey, elementId, warnings: period.warnings }, 'official holiday calendar missing, deadline counted Monday to Friday');
    await p.audit.record({
      actor: 'system',
      action: 'deadline.compute',
      target: `instance:${instanceKey}`,
      detail: { elementId, from: period.from, days, deadline: period.deadline, warnings: period.warnings.map((w) => w.zh) },
    });
    return { [target]: period.deadline };
  };
}

function startOf(variables: Variables, name: string | undefined): string | Date {
  if (!name) return new Date();
  const value = variables[name];
  if (typeof value !== 'string') throw new Error(`流程变量「${name}」不是日期（YYYY-MM-DD 或带时区的 ISO 时间）/ process variable "${name}" is not a date`);
  return value;
}
