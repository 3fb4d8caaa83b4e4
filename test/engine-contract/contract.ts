import fs from 'node:fs';
import path from 'node:path';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Engine } from '../../engine/port.ts';
import { BpmnError } from '../../engine/bpmn-error.ts';
import { RecordingInbox } from './recording-inbox.ts';
import { waitFor } from '../support/wait-for.ts';

export interface ContractHarness {
  engine: Engine;
  inbox: RecordingInbox;
  /** Whether the adapter can report the elements an instance passed (Zeebe needs Operate for that). */
  hasHistory: boolean;
  /** Stops the current engine without a graceful shutdown and starts a new one on the same storage. */
  restart(): Promise<Engine>;
  close(): Promise<void>;
}

const bpmn = (file: string) => fs.readFileSync(path.join(import.meta.dirname, 'bpmn', file), 'utf8');

/**
 * The behaviour every Engine adapter must have, run against each of them with the same Zeebe BPMN files.
 */
export function engineContract(name: string, makeHarness: () => Promise<ContractHarness>) {
  describe(`Engine contract: ${name}`, () => {
    let h: ContractHarness;
    const calls: Array<{ type: string; variables: Record<string, unknown>; headers: Record<string, string> }> = [];
    let scoreFailuresLeft = 0;
    const reminders: string[] = [];

    function registerWorkers(engine: Engine) {
      engine.registerWorker('contract-score', async ({ variables, customHeaders }) => {
        calls.push({ type: 'contract-score', variables, headers: customHeaders });
        if (variables.applicant === 'flaky' && scoreFailuresLeft-- > 0) throw new Error('暂时无法连接数据源');
        if (variables.applicant === 'broken') throw new Error('数据源配置错误');
        return { result: Number(variables.base) * 2 };
      });
      engine.registerWorker('contract-check', async ({ variables }) => {
        if (variables.vetoEvent) throw new BpmnError('VETO', '存在一票否决事项', { vetoReason: variables.vetoEvent });
        return { checked: true };
      });
      engine.registerWorker('contract-remind', async ({ instanceKey }) => {
        reminders.push(instanceKey);
      });
      engine.registerWorker('contract-item', async ({ variables }) => ({ doubled: Number(variables.item) * 2 }));
    }

    beforeAll(async () => {
      h = await makeHarness();
      registerWorkers(h.engine);
      await h.engine.deploy(bpmn('approval.bpmn'));
      for (const file of ['gateways', 'error-boundary', 'timers', 'messages', 'message-start', 'multi-instance', 'call-activity', 'called-child', 'send-back', 'countersign']) {
        await h.engine.deploy(bpmn(`${file}.bpmn`));
      }
      await h.engine.startWorkers();
    });
    afterAll(async () => h?.close());

    const openTask = (instanceKey: string, elementId: string) =>
      waitFor(async () => h.inbox.open(instanceKey).find((t) => t.elementId === elementId), `user task ${elementId}`);
    const finished = (instanceKey: string, timeoutMs?: number) =>
      waitFor(async () => {
        const instance = await h.engine.getInstance(instanceKey);
        return instance.status === 'completed' ? instance : undefined;
      }, `instance ${instanceKey} to complete`, timeoutMs);
    /** The recording inbox hears of a task inside the engine's transaction, so its variables can commit a moment later. */
    const variablesWith = (instanceKey: string, name: string) =>
      waitFor(async () => {
        const variables = await h.engine.getVariables(instanceKey);
        return name in variables ? variables : undefined;
      }, `variable ${name}`);
    async function complete(instanceKey: string, elementId: string, variables: Record<string, unknown>) {
      const task = await openTask(instanceKey, elementId);
      await h.engine.completeUserTask(instanceKey, task.executionId, variables, async () => h.inbox.done(task.executionId));
    }

    it('user task (FEEL assignee, candidates, due date, form) → job worker (headers) → gateway condition', async () => {
      const { instanceKey, version } = await h.engine.start('contract-approval', { applicant: 'zhangsan', base: 10 });
      expect(version).toBe(1);
      const task = await openTask(instanceKey, 'fill');
      expect(task).toMatchObject({ name: '填写', assignee: 'zhangsan', candidateGroups: ['office', 'leader'], formKey: 'contract-form', dueDate: '2026-12-31T08:00:00.000Z' });
      await complete(instanceKey, 'fill', { base: 46 });
      const done = await finished(instanceKey);
      expect(done.variables).toMatchObject({ applicant: 'zhangsan', base: 46, result: 92 });
      expect(calls.find((c) => c.variables.base === 46)?.headers).toEqual({ method: 'double' });
      if (h.hasHistory) expect(done.history.map((e) => e.elementId)).toContain('endHigh');

      const low = await h.engine.start('contract-approval', { applicant: 'lisi', base: 10 });
      await complete(low.instanceKey, 'fill', {});
      const lowDone = await finished(low.instanceKey);
      expect(lowDone.variables.result).toBe(20);
      if (h.hasHistory) expect(lowDone.history.map((e) => e.elementId)).toEqual(expect.arrayContaining(['endLow']));
      if (h.hasHistory) expect(lowDone.history.map((e) => e.elementId)).not.toContain('endHigh');
    });

    it('retries a failing job, then raises an incident an admin can retry', async () => {
      scoreFailuresLeft = 2;
      const flaky = await h.engine.start('contract-approval', { applicant: 'flaky', base: 1 });
      await complete(flaky.instanceKey, 'fill', {});
      expect((await finished(flaky.instanceKey)).variables.result).toBe(2);

      const broken = await h.engine.start('contract-approval', { applicant: 'broken', base: 1 });
      await complete(broken.instanceKey, 'fill', {});
      const incident = await waitFor(async () => (await h.engine.listIncidents()).find((i) => i.instanceKey === broken.instanceKey), 'an incident', 30_000);
      expect(incident).toMatchObject({ elementId: 'score', jobType: 'contract-score', message: '数据源配置错误', processId: 'contract-approval' });
      expect((await h.engine.getInstance(broken.instanceKey)).status).toBe('incident');
      await h.engine.retryIncident(incident.key, 1);
      await waitFor(async () => ((await h.engine.getInstance(broken.instanceKey)).status === 'incident' ? true : undefined), 'the retried job to fail again', 30_000);
      expect((await h.engine.listIncidents()).filter((i) => i.instanceKey === broken.instanceKey)).toHaveLength(1);
    });

    it('lets an error boundary event catch a BPMN error thrown by a worker', async () => {
      const vetoed = await h.engine.start('contract-error', { vetoEvent: '弄虚作假' });
      const task = await openTask(vetoed.instanceKey, 'handleVeto');
      expect(task.assignee).toBe('inspector');
      expect(await variablesWith(vetoed.instanceKey, 'vetoReason')).toMatchObject({ vetoReason: '弄虚作假' });
      const clean = await h.engine.start('contract-error', {});
      expect((await finished(clean.instanceKey)).variables.checked).toBe(true);
    });

    it('fires timers: a FEEL duration, a non-interrupting reminder cycle and an interrupting deadline', async () => {
      const started = Date.now();
      const { instanceKey } = await h.engine.start('contract-timers', { assignee: 'zhangsan', pauseFor: 'PT1S' });
      const work = await openTask(instanceKey, 'work');
      expect(Date.now() - started).toBeGreaterThanOrEqual(900);
      await waitFor(async () => (reminders.filter((k) => k === instanceKey).length === 2 ? true : undefined), 'two reminders', 15_000);
      expect(h.inbox.open(instanceKey).map((t) => t.elementId)).toContain('work');
      const escalated = await waitFor(async () => h.inbox.open(instanceKey).find((t) => t.elementId === 'escalated'), 'the deadline to pass', 15_000);
      expect(escalated.assignee).toBe('director');
      expect(h.inbox.open(instanceKey).map((t) => t.executionId)).not.toContain(work.executionId);
      expect(reminders.filter((k) => k === instanceKey)).toHaveLength(2);
    });

    it('correlates messages by name and correlation key, buffers them for their time to live, and starts processes', async () => {
      const zs = await h.engine.start('contract-appeal', { staff: 'zs', reviewer: 'jxb' });
      const ls = await h.engine.start('contract-appeal', { staff: 'ls', reviewer: 'jxb' });
      await h.engine.publishMessage('appeal-filed', 'zs', { appealText: '第 2 项得分有误' });
      const review = await openTask(zs.instanceKey, 'reviewAppeal');
      expect(review.assignee).toBe('jxb');
      expect(await variablesWith(zs.instanceKey, 'appealText')).toMatchObject({ appealText: '第 2 项得分有误' });
      expect(h.inbox.open(ls.instanceKey)).toEqual([]);

      await h.engine.publishMessage('appeal-filed', 'ww', { appealText: '早到的申诉' }, { timeToLiveMs: 60_000 });
      await h.engine.publishMessage('appeal-filed', 'nobody', { appealText: '过期' }, { timeToLiveMs: 1 });
      const ww = await h.engine.start('contract-appeal', { staff: 'ww', reviewer: 'jxb' });
      await openTask(ww.instanceKey, 'reviewAppeal');
      expect(await variablesWith(ww.instanceKey, 'appealText')).toMatchObject({ appealText: '早到的申诉' });

      await h.engine.publishMessage('cycle-launched', '2026-Q4', { owner: 'jxb' });
      const prepared = await waitFor(async () => h.inbox.openAt('prepare')[0], 'a process started by a message');
      expect(prepared.assignee).toBe('jxb');
    });

    it('runs multi-instance loops over a collection (parallel and sequential, beyond 50 items) and collects their output', async () => {
      const items = Array.from({ length: 60 }, (_, i) => i + 1);
      const { instanceKey } = await h.engine.start('contract-peers', { peers: ['lisi', 'wangwu', 'zhaoliu'], items });
      const tasks = await waitFor(async () => (h.inbox.open(instanceKey).length === 3 ? h.inbox.open(instanceKey) : undefined), 'three peer reviews');
      expect(tasks.map((t) => t.assignee).sort()).toEqual(['lisi', 'wangwu', 'zhaoliu']);
      const scores: Record<string, number> = { lisi: 90, wangwu: 80, zhaoliu: 70 };
      for (const task of [...tasks].reverse()) {
        await h.engine.completeUserTask(instanceKey, task.executionId, { score: scores[task.assignee!] }, async () => h.inbox.done(task.executionId));
      }
      const done = await finished(instanceKey, 50_000);
      expect(done.variables.reviews).toEqual([90, 80, 70]);
      expect(done.variables.checked).toEqual(items.map((i) => i * 2));
    }, 60_000);

    it('ends a multi-instance task early when its completionCondition holds (或签), else waits for every iteration (会签)', async () => {
      const decide = async (instanceKey: string, elementId: string, assignee: string, decision: string) => {
        const task = await waitFor(async () => h.inbox.open(instanceKey).find((t) => t.elementId === elementId && t.assignee === assignee), `${elementId} for ${assignee}`);
        await h.engine.completeUserTask(instanceKey, task.executionId, { decision }, async () => h.inbox.done(task.executionId));
      };
      const members = ['kz_office', 'kz_plan', 'kz_build'];
      const { instanceKey } = await h.engine.start('contract-countersign', { leaders: ['director', 'fgld', 'jxb'], members });
      await waitFor(async () => (h.inbox.open(instanceKey).length === 3 ? true : undefined), 'three leaders asked');
      await decide(instanceKey, 'anyOne', 'fgld', 'reject');
      expect(h.inbox.open(instanceKey).map((t) => t.assignee).sort()).toEqual(['director', 'jxb']);
      await decide(instanceKey, 'anyOne', 'jxb', 'approve');
      const asked = await waitFor(async () => (h.inbox.open(instanceKey).length === 3 ? h.inbox.open(instanceKey) : undefined), 'every member asked');
      expect(asked.map((t) => [t.elementId, t.assignee])).toEqual(members.map((m) => ['everyone', m]));
      expect(await variablesWith(instanceKey, 'leaderDecisions')).toMatchObject({ leaderDecisions: [null, 'reject', 'approve'] });

      await decide(instanceKey, 'everyone', 'kz_plan', 'approve');
      await decide(instanceKey, 'everyone', 'kz_office', 'approve');
      expect(h.inbox.open(instanceKey).map((t) => t.assignee)).toEqual(['kz_build']);
      await decide(instanceKey, 'everyone', 'kz_build', 'approve');
      expect((await finished(instanceKey)).variables.memberDecisions).toEqual(['approve', 'approve', 'approve']);

      const vetoed = await h.engine.start('contract-countersign', { leaders: ['director'], members });
      await decide(vetoed.instanceKey, 'anyOne', 'director', 'approve');
      await decide(vetoed.instanceKey, 'everyone', 'kz_office', 'reject');
      expect((await finished(vetoed.instanceKey)).variables.memberDecisions).toEqual(['reject', null, null]);
      expect(h.inbox.open(vetoed.instanceKey)).toEqual([]);
    });

    it('calls another deployed process with variables in and out, through input and output mappings', async () => {
      const { instanceKey } = await h.engine.start('contract-parent', { childProcess: 'contract-child', staff: 'zhangsan' });
      const talk = await waitFor(async () => h.inbox.openAt('talk').find((t) => t.assignee === 'zhangsan'), 'the called process task');
      expect(talk.instanceKey).not.toBe(instanceKey);
      await h.engine.completeUserTask(talk.instanceKey, talk.executionId, { answer: '同意改进计划', scratch: 1 }, async () => h.inbox.done(talk.executionId));
      const done = await finished(instanceKey);
      expect(done.variables).toMatchObject({ staff: 'zhangsan', feedback: '同意改进计划（已签字）' });
      expect(done.variables).not.toHaveProperty('scratch');
    });

    it('lets the first event of an event-based gateway win, then takes every inclusive flow whose condition holds', async () => {
      const low = await h.engine.start('contract-gateways', { score: 65, staff: 'zs', supervisor: 'kz', window: 'PT30S' });
      await waitFor(async () => ((await h.engine.getInstance(low.instanceKey)).status === 'running' ? true : undefined), 'the instance');
      await h.engine.publishMessage('appeal-answered', 'zs', { answer: '维持' });
      const open = await waitFor(async () => (h.inbox.open(low.instanceKey).length === 2 ? h.inbox.open(low.instanceKey) : undefined), 'talk and training');
      expect(open.map((t) => t.elementId).sort()).toEqual(['talk', 'training']);
      for (const task of open) await h.engine.completeUserTask(low.instanceKey, task.executionId, {}, async () => h.inbox.done(task.executionId));
      const answered = await waitFor(async () => ((await h.engine.getInstance(low.instanceKey)).status === 'completed' ? h.engine.getInstance(low.instanceKey) : undefined), 'the low score instance to complete');
      if (h.hasHistory) expect(answered.history.map((e) => e.elementId)).toEqual(expect.arrayContaining(['answered', 'talked', 'trained']));
      if (h.hasHistory) expect(answered.history.map((e) => e.elementId)).not.toContain('windowClosed');

      const high = await h.engine.start('contract-gateways', { score: 95, staff: 'ls', supervisor: 'kz', window: 'PT1S' });
      const bonus = await openTask(high.instanceKey, 'bonus');
      expect(h.inbox.open(high.instanceKey)).toHaveLength(1);
      await h.engine.completeUserTask(high.instanceKey, bonus.executionId, {}, async () => h.inbox.done(bonus.executionId));
      const timedOut = await finished(high.instanceKey);
      if (h.hasHistory) expect(timedOut.history.map((e) => e.elementId)).toEqual(expect.arrayContaining(['windowClosed', 'rewarded']));
    });

    it('moves a token: ends the waiting task without taking its flows and activates an earlier or a later step', async () => {
      const { instanceKey } = await h.engine.start('contract-send-back', { staff: 'zhangsan', supervisor: 'kz', director: 'jz', base: 5 });
      await complete(instanceKey, 'draft', { text: '初稿' });
      await complete(instanceKey, 'check', {});
      const approval = await openTask(instanceKey, 'approve');
      await expect(h.engine.moveToken(instanceKey, approval.executionId, 'nowhere', {})).rejects.toMatchObject({ code: 'bpmn.invalid' });
      expect(h.inbox.open(instanceKey).map((t) => t.executionId)).toEqual([approval.executionId]);

      await h.engine.moveToken(instanceKey, approval.executionId, 'draft', { returnReason: '数据有误' }, async () => h.inbox.done(approval.executionId));
      const redraft = await openTask(instanceKey, 'draft');
      expect(redraft.assignee).toBe('zhangsan');
      expect(h.inbox.open(instanceKey).map((t) => t.elementId)).toEqual(['draft']);
      expect(await variablesWith(instanceKey, 'returnReason')).toMatchObject({ returnReason: '数据有误', text: '初稿' });
      await expect(h.engine.completeUserTask(instanceKey, approval.executionId, {})).rejects.toMatchObject({ code: 'execution.not_waiting' });

      await complete(instanceKey, 'draft', { text: '修改稿' });
      const recheck = await openTask(instanceKey, 'check');
      await h.engine.moveToken(instanceKey, recheck.executionId, 'approve', {}, async () => h.inbox.done(recheck.executionId));
      await complete(instanceKey, 'approve', {});
      const done = await finished(instanceKey);
      expect(done.variables).toMatchObject({ text: '修改稿', result: 10 });
      expect(calls.filter((c) => c.type === 'contract-score' && c.variables.text === '修改稿')).toHaveLength(1);
      expect(h.inbox.open(instanceKey)).toEqual([]);
    });

    it('resumes after a restart: waiting user tasks and pending jobs continue, nothing is delivered twice', async () => {
      const waiting = await h.engine.start('contract-approval', { applicant: 'wangwu', base: 50 });
      const before = await openTask(waiting.instanceKey, 'fill');
      const engine = await h.restart();
      registerWorkers(engine);
      await engine.startWorkers();
      h.engine = engine;
      expect(h.inbox.open(waiting.instanceKey).map((t) => t.executionId)).toEqual([before.executionId]);
      await complete(waiting.instanceKey, 'fill', {});
      expect((await finished(waiting.instanceKey)).variables.result).toBe(100);
      await expect(engine.completeUserTask(waiting.instanceKey, before.executionId, {})).rejects.toThrow();
    });
  });
}
