import os from 'node:os';
import { randomUUID } from 'node:crypto';
import type { EngineStore, LeaseRow } from './store.ts';
import type { InTransaction } from '../../server/db.ts';
import { EngineError } from '../errors.ts';

const NAME = 'engine-host';

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A holder on this machine whose process is gone (a crash) does not keep the lease until it expires. */
function vacant(lease: LeaseRow, now: Date): boolean {
  return new Date(lease.expiresAt) < now || (lease.hostname === os.hostname() && !processAlive(lease.pid));
}

/**
 * One engine host per database (DESIGN.md): the host that runs jobs and timers holds a lease row and renews
 * it; a second host refuses to start instead of delivering the same jobs twice.
 */
export class EngineLease {
  private readonly holder = randomUUID();
  private renewal: NodeJS.Timeout | null = null;

  constructor(
    private readonly store: EngineStore,
    private readonly inTransaction: InTransaction,
    private readonly ttlMs = 30_000,
  ) {}

  async acquire() {
    await this.inTransaction(async (transaction) => {
      const now = new Date();
      const lease = await this.store.Lease.findByPk(NAME, { raw: true, transaction, lock: true });
      const row = { name: NAME, holder: this.holder, hostname: os.hostname(), pid: process.pid, expiresAt: new Date(now.getTime() + this.ttlMs) };
      if (!lease) return void (await this.store.Lease.create(row, { transaction }));
      if (lease.holder !== this.holder && !vacant(lease, now)) {
        throw new EngineError(
          'engine.busy',
          `另一个引擎进程正在使用此数据库（${lease.hostname} 上的进程 ${lease.pid}），请先停止它`,
          `Another engine host uses this database (pid ${lease.pid} on ${lease.hostname}); stop it first`,
        );
      }
      await this.store.Lease.update(row, { where: { name: NAME }, transaction });
    });
    this.renewal = setInterval(() => void this.renew(), this.ttlMs / 3);
    this.renewal.unref();
  }

  private async renew() {
    await this.store.Lease.update({ expiresAt: new Date(Date.now() + this.ttlMs) }, { where: { name: NAME, holder: this.holder } }).catch(() => undefined);
  }

  async release() {
    if (this.renewal) clearInterval(this.renewal);
    this.renewal = null;
    await this.store.Lease.destroy({ where: { name: NAME, holder: this.holder } });
  }
}
