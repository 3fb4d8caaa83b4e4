import fs from 'node:fs';
import pino from 'pino';
import { describe, it, expect } from 'vitest';
import { createSequelize, createTransactionRunner } from '../../server/db.ts';
import { migrate } from '../../server/migrate.ts';
import { EmbeddedEngine } from '../../engine/embedded/embedded-engine.ts';
import { RecordingInbox } from '../engine-contract/recording-inbox.ts';
import { tempSqliteUrl } from '../support/server.ts';

const xml = (name: string) => fs.readFileSync('test/engine-contract/bpmn/approval.bpmn', 'utf8').replace('name="审批"', `name="${name}"`);

describe('process versions per unit', () => {
  it("runs the nearest unit's adapted version, else the version for everyone; running instances keep theirs", async () => {
    const sequelize = createSequelize(tempSqliteUrl());
    await migrate(sequelize);
    const engine = new EmbeddedEngine({ sequelize, inTransaction: createTransactionRunner(sequelize), sink: new RecordingInbox(), logger: pino({ level: 'silent' }) });
    const everyone = await engine.deploy(xml('全市通用'));
    const early = await engine.start('contract-approval', { applicant: 'a' }, { unitChain: [5, 1] });
    const city = await engine.deploy(xml('市局调整'), { unitId: 1 });
    const county = await engine.deploy(xml('甲县调整'), { unitId: 5 });
    expect([everyone.version, city.version, county.version]).toEqual([1, 2, 3]);
    const countyStaff = await engine.start('contract-approval', { applicant: 'a' }, { unitChain: [5, 1] });
    const cityStaff = await engine.start('contract-approval', { applicant: 'b' }, { unitChain: [2, 1] });
    const elsewhere = await engine.start('contract-approval', { applicant: 'c' }, { unitChain: [9] });
    expect([countyStaff.version, cityStaff.version, elsewhere.version, early.version]).toEqual([3, 2, 1, 1]);
    expect((await engine.getInstance(early.instanceKey)).version).toBe(1);
    await sequelize.close();
  });
});
