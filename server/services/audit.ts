import type { Transaction } from 'sequelize';
import type { Models } from '../models/index.ts';

/** The append-only audit log: who did what to which object, and the details. */
export function createAudit(models: Models) {
  return {
    async record(entry: { actor: string; action: string; target: string; detail?: unknown }, transaction?: Transaction) {
      await models.Audit.create(
        { at: new Date(), actor: entry.actor, action: entry.action, target: entry.target, detail: JSON.stringify(entry.detail ?? {}) },
        { transaction },
      );
    },
  };
}

export type Audit = ReturnType<typeof createAudit>;
