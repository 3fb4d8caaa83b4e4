import type { Sequelize } from 'sequelize';
import type { Logger } from 'pino';
import type { Engine, InboxSink } from './port.ts';
import type { InTransaction } from '../server/db.ts';
import { EmbeddedEngine } from './embedded/embedded-engine.ts';
import { ZeebeEngine } from './zeebe/zeebe-engine.ts';
import { requireZeebeGateway } from './zeebe/config.ts';

export interface EngineDeps {
  sequelize: Sequelize;
  inTransaction: InTransaction;
  sink: InboxSink;
  logger: Logger;
}

/** Picks the adapter named by ENGINE; everything else only sees the Engine port. */
export function createEngine(kind: 'embedded' | 'zeebe', deps: EngineDeps): Engine {
  if (kind === 'embedded') return new EmbeddedEngine(deps);
  requireZeebeGateway();
  return new ZeebeEngine(deps);
}
