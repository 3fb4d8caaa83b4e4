import { Op } from 'sequelize';
import type { EngineStore, InstanceRow, JobRow } from '../../engine/embedded/store.ts';
import type { JobIdentity } from './listener-jobs.ts';
import type { Int64Keys } from './int64-keys.ts';
import { Refusal } from './refusal.ts';

/**
 * The jobs of service tasks in the test double: the backing embedded engine creates them in its store (its own
 * worker runtime has no workers registered), the double hands them out to ActivateJobs like Zeebe does.
 */
export class ServiceJobs {
  constructor(
    private readonly store: EngineStore,
    private readonly keys: Int64Keys,
  ) {}

  identity(job: JobRow, instance: InstanceRow): JobIdentity & { key: string } {
    return {
      key: this.keys.zeebe('job', job.jobKey),
      type: job.type,
      processInstanceKey: this.keys.zeebe('instance', instance.instanceKey),
      bpmnProcessId: instance.processId,
      processDefinitionVersion: instance.version,
      processDefinitionKey: this.keys.zeebe('definition', instance.definitionKey),
      elementId: job.elementId,
      elementInstanceKey: this.keys.zeebe('element', job.executionId),
    };
  }

  /** Claims up to `max` jobs of a type that are due (or whose worker timed out: Zeebe hands them out again). */
  async activate(type: string, max: number, timeoutMs: number): Promise<Array<{ job: JobRow; instance: InstanceRow }>> {
    if (max <= 0) return [];
    const now = new Date();
    const activatable = {
      [Op.or]: [
        { status: 'activatable', dueAt: { [Op.lte]: now } },
        { status: 'activated', lockedUntil: { [Op.lt]: now } },
      ],
    };
    const rows = await this.store.Job.findAll({ where: { type, ...activatable }, order: [['dueAt', 'ASC']], limit: max, raw: true });
    const claimed = [];
    for (const job of rows) {
      const lockedUntil = new Date(now.getTime() + timeoutMs);
      const [updated] = await this.store.Job.update({ status: 'activated', lockedUntil, updatedAt: now }, { where: { jobKey: job.jobKey, ...activatable } });
      const instance = updated === 1 ? await this.store.Instance.findByPk(job.instanceKey, { raw: true }) : null;
      if (instance) claimed.push({ job: { ...job, lockedUntil }, instance });
    }
    return claimed;
  }

  /** The embedded job behind a Zeebe job key, in one of the given states. */
  async find(key: string, statuses: JobRow['status'][]): Promise<JobRow> {
    const local = this.keys.local('job', key);
    const job = local ? await this.store.Job.findByPk(local, { raw: true }) : null;
    if (!job || !statuses.includes(job.status)) throw new Refusal('NOT_FOUND', `Expected to find a job with key '${key}' in state ${statuses.join('/')}, but none was found`);
    return job;
  }
}
