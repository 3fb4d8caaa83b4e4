import type { Transaction } from 'sequelize';
import type { Models } from '../models/index.ts';
import type { SessionUser } from '../auth/session-user.ts';
import { MANAGERS } from '../auth/roles.ts';
import type { Scope } from '../auth/scope.ts';
import type { Audit } from './audit.ts';
import type { Engine } from '../../engine/port.ts';
import { validateBpmn } from '../../engine/validate-bpmn.ts';
import { AppError, forbidden, notFound } from '../http/errors.ts';
import { isoDate } from '../http/iso-date.ts';
import { loadParticipants } from './participants.ts';

export interface ProcessDeps {
  models: Models;
  engine: Engine;
  scope: Scope;
  audit: Audit;
}

/** Deploying flows drawn in the designer and starting them for a person. */
export function createProcesses(deps: ProcessDeps) {
  const { models, engine } = deps;

  async function managingUnit(user: SessionUser): Promise<number> {
    const held = user.roles.find((r) => MANAGERS.includes(r.role));
    if (!held) throw forbidden();
    return held.unitId;
  }

  return {
    async names(): Promise<Map<string, string>> {
      const names = new Map<string, string>();
      for (const d of await engine.listDeployments()) if (!names.has(d.processId)) names.set(d.processId, d.name);
      return names;
    },

    async list() {
      const rows = await engine.listDeployments();
      const latest = new Map<string, (typeof rows)[number]>();
      for (const row of rows) if (!latest.has(row.processId)) latest.set(row.processId, row);
      return [...latest.values()].map((r) => ({ processId: r.processId, name: r.name, version: r.version, deployedAt: isoDate(r.createdAt), deployedBy: r.deployedBy }));
    },

    async get(processId: string) {
      const latest = await engine.getDeployment(processId);
      if (!latest) throw notFound('process', '流程');
      const versions = (await engine.listDeployments()).filter((d) => d.processId === processId).map((d) => ({ version: d.version, deployedAt: isoDate(d.createdAt), deployedBy: d.deployedBy }));
      return { processId, name: latest.name, version: latest.version, xml: latest.xml, versions };
    },

    /** Lints like the Camunda modeler (bpmnlint, camunda-compat) and deploys a new version; nothing is stored if it fails. */
    async deploy(xml: string, user: SessionUser) {
      const problems = await validateBpmn(xml);
      if (problems.length) {
        throw new AppError(
          400,
          'bpmn.invalid',
          `流程图有 ${problems.length} 处错误，未部署`,
          `The diagram has ${problems.length} error(s) and was not deployed`,
          problems.map((p) => ({ elementId: p.elementId, path: p.rule, zh: p.message, en: p.message })),
        );
      }
      const deployed = await engine.deploy(xml, { unitId: await managingUnit(user), deployedBy: user.username });
      await deps.audit.record({ actor: user.username, action: 'process.deploy', target: `process:${deployed.processId}`, detail: { version: deployed.version } });
      return { processId: deployed.processId, name: deployed.name, version: deployed.version };
    },

    /** Starts the latest version for one person, with the people the flow assigns tasks to as variables. */
    async startFor(
      processId: string,
      subjectUsername: string,
      actor: SessionUser | null,
      period: string,
      options: { cycleId?: number; ruleSet?: string; within?: (transaction: Transaction, instanceKey: string) => Promise<void> } = {},
    ) {
      const subject = await models.User.findOne({ where: { username: subjectUsername, active: true }, raw: true });
      if (!subject) throw new AppError(400, 'user.not_found', `用户「${subjectUsername}」不存在`, `No user "${subjectUsername}"`);
      if (actor && !(await deps.scope.unitsFor(actor, MANAGERS)).has(subject.unitId)) throw forbidden();
      const businessKey = `${processId}:${subject.username}:${period}`;
      const variables = {
        staff: subject.username,
        subjectUserId: subject.id,
        subjectName: subject.displayName,
        unitId: subject.unitId,
        ...(await loadParticipants(models, subject)),
        period,
        /** correlates the messages a cycle sends to this person's instance (e.g. 评价开始, 等次已评定) */
        cycleKey: options.cycleId ? `${options.cycleId}:${subject.username}` : businessKey,
        ...(options.cycleId ? { cycleId: options.cycleId, ruleSet: options.ruleSet } : {}),
      };
      const started = await engine.start(processId, variables, {
        unitId: subject.unitId,
        unitChain: await deps.scope.ancestry(subject.unitId),
        businessKey,
        within: options.within,
      });
      await deps.audit.record({ actor: actor?.username ?? 'system', action: 'instance.start', target: `instance:${started.instanceKey}`, detail: { processId, subject: subject.username, period } });
      return { instanceId: started.instanceKey, version: started.version };
    },
  };
}

export type Processes = ReturnType<typeof createProcesses>;
