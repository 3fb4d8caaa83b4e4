import type { Sequelize, Transaction } from 'sequelize';
import type { InTransaction } from '../../server/db.ts';
import { createKeyedLock } from '../embedded/keyed-lock.ts';
import { EngineError } from '../errors.ts';
import type { DeploymentInfo, Incident, InstanceInfo, Variables } from '../port.ts';
import { defineZeebeStore, type DeploymentRow, type HistoryRow, type IncidentRow, type InstanceRow } from './store.ts';
import { businessOf } from './business-variables.ts';

/** The instance a start, a job or a listener job belongs to, as Zeebe names it. */
export interface InstanceRef {
  instanceKey: string;
  definitionKey: string;
  processId: string;
  version: number;
}

export type HistoryEntry = Omit<HistoryRow, 'id' | 'instanceKey' | 'at'>;

const notFound = (instanceKey: string) => new EngineError('instance.not_found', '流程实例不存在', `No process instance ${instanceKey}`);

/**
 * What the platform has seen of Zeebe, in its own database: the deployments it made and, for every instance,
 * the variables of the jobs it served, its status and events. It answers the queries Zeebe itself cannot
 * answer without Operate; docs/zeebe.md says where that is approximate.
 */
export class LocalRecord {
  private readonly store;
  private readonly withInstanceLock = createKeyedLock();

  constructor(
    sequelize: Sequelize,
    private readonly inTransaction: InTransaction,
  ) {
    this.store = defineZeebeStore(sequelize);
  }

  // ---- deployments -----------------------------------------------------------------------------------

  /** Zeebe answers a deployment of an unchanged file with the existing version: it is recorded once. */
  async saveDeployment(row: DeploymentRow) {
    if (!(await this.store.Deployment.findByPk(row.definitionKey, { raw: true }))) await this.store.Deployment.create(row);
  }

  async listDeployments(): Promise<DeploymentInfo[]> {
    return this.store.Deployment.findAll({ attributes: { exclude: ['xml'] }, order: [['processId', 'ASC'], ['version', 'DESC']], raw: true });
  }

  async deployment(processId: string, version?: number): Promise<DeploymentRow | null> {
    return this.store.Deployment.findOne({ where: version ? { processId, version } : { processId }, order: [['version', 'DESC']], raw: true });
  }

  async xmlOf(definitionKey: string): Promise<string | null> {
    return (await this.store.Deployment.findByPk(definitionKey, { attributes: ['xml'], raw: true }))?.xml ?? null;
  }

  // ---- instances -------------------------------------------------------------------------------------

  /** Runs `work` in one transaction, one at a time per instance, so that merging its variables never races. */
  forInstance<T>(instanceKey: string, work: (transaction: Transaction) => Promise<T>): Promise<T> {
    return this.withInstanceLock(instanceKey, () => this.inTransaction(work));
  }

  /**
   * An instance seen through a start, a job or a listener: recorded on first sight (also those the platform
   * did not start: called processes, message starts). Then its variables are merged with what is seen, or
   * replaced by a complete set, or (`seed`: the variables it started with) left as they are.
   */
  async observe(ref: InstanceRef, variables: Variables, transaction: Transaction, mode: 'merge' | 'replace' | 'seed' = 'merge') {
    const now = new Date();
    const row = await this.store.Instance.findByPk(ref.instanceKey, { raw: true, transaction });
    if (!row) {
      await this.store.Instance.create(
        { ...ref, ...businessOf(variables), status: 'running', error: null, variables: JSON.stringify(variables), createdAt: now, updatedAt: now },
        { transaction },
      );
      return;
    }
    if (mode === 'seed') return;
    const merged = mode === 'replace' ? variables : { ...(JSON.parse(row.variables) as Variables), ...variables };
    await this.store.Instance.update({ variables: JSON.stringify(merged), updatedAt: now }, { where: { instanceKey: ref.instanceKey }, transaction });
  }

  async mergeVariables(instanceKey: string, variables: Variables, transaction: Transaction) {
    const row = await this.instance(instanceKey, transaction);
    await this.observe(row, variables, transaction);
  }

  async setStatus(instanceKey: string, status: InstanceRow['status'], error: string | null, transaction: Transaction) {
    await this.store.Instance.update({ status, error, updatedAt: new Date() }, { where: { instanceKey }, transaction });
  }

  findInstance(instanceKey: string, transaction?: Transaction): Promise<InstanceRow | null> {
    return this.store.Instance.findByPk(instanceKey, { raw: true, transaction });
  }

  async instance(instanceKey: string, transaction?: Transaction): Promise<InstanceRow> {
    const row = await this.findInstance(instanceKey, transaction);
    if (!row) throw notFound(instanceKey);
    return row;
  }

  async info(instanceKey: string): Promise<InstanceInfo> {
    const { definitionKey: _definitionKey, createdAt: _createdAt, updatedAt: _updatedAt, variables, ...rest } = await this.instance(instanceKey);
    const history = await this.store.History.findAll({
      where: { instanceKey },
      attributes: ['elementId', 'elementType', 'name', 'event', 'at'],
      order: [['id', 'ASC']],
      raw: true,
    });
    return { ...rest, variables: JSON.parse(variables) as Variables, history };
  }

  async addHistory(instanceKey: string, entry: HistoryEntry, transaction: Transaction) {
    await this.store.History.create({ instanceKey, ...entry, at: new Date() }, { transaction });
  }

  /** The first event recorded for a job or user task key (e.g. where a user task that is being completed was). */
  async historyOf(sourceKey: string, transaction: Transaction): Promise<HistoryEntry | null> {
    return this.store.History.findOne({ where: { sourceKey }, attributes: ['elementId', 'elementType', 'name', 'event', 'sourceKey', 'elementInstanceKey'], order: [['id', 'ASC']], raw: true, transaction });
  }

  // ---- incidents -------------------------------------------------------------------------------------

  async raiseIncident(incident: IncidentRow, transaction: Transaction) {
    await this.store.Incident.destroy({ where: { jobKey: incident.jobKey }, transaction });
    await this.store.Incident.create(incident, { transaction });
    await this.setStatus(incident.instanceKey, 'incident', incident.message, transaction);
  }

  async incident(jobKey: string): Promise<IncidentRow> {
    const row = await this.store.Incident.findByPk(jobKey, { raw: true });
    if (!row) throw new EngineError('job.not_found', '该作业没有待处理的故障', `Job ${jobKey} has no incident`);
    return row;
  }

  async listIncidents(): Promise<Incident[]> {
    const rows = await this.store.Incident.findAll({ order: [['createdAt', 'ASC']], raw: true });
    return rows.map(({ jobKey, ...rest }) => ({ key: jobKey, ...rest }));
  }

  /** The instance runs again once none of its incidents is left. */
  async resolveIncident(incident: IncidentRow, transaction: Transaction) {
    await this.store.Incident.destroy({ where: { jobKey: incident.jobKey }, transaction });
    const left = await this.store.Incident.count({ where: { instanceKey: incident.instanceKey }, transaction });
    if (left === 0) await this.store.Instance.update({ status: 'running', error: null, updatedAt: new Date() }, { where: { instanceKey: incident.instanceKey, status: 'incident' }, transaction });
  }
}
