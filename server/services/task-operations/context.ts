import type { Transaction } from 'sequelize';
import type { Models } from '../../models/index.ts';
import type { Inbox } from '../inbox.ts';
import type { Scope } from '../../auth/scope.ts';
import type { Engine } from '../../../engine/port.ts';
import type { InTransaction } from '../../db.ts';
import type { FormRegistry } from '../forms.ts';
import type { TaskRow } from '../../models/records.ts';
import { taskChanged, unknownUser } from './refusals.ts';

/** What every task operation works with. */
export interface OperationContext {
  models: Models;
  inbox: Inbox;
  scope: Scope;
  engine: Pick<Engine, 'getInstance' | 'getDeployment' | 'getVariables' | 'completeUserTask' | 'moveToken'>;
  forms: FormRegistry;
  inTransaction: InTransaction;
}

/** An active user by username, or a refusal naming the one that is not. */
export async function activeUser(models: Models, username: string) {
  const user = await models.User.findOne({ where: { username, active: true }, raw: true });
  if (!user) throw unknownUser(username);
  return user;
}

/**
 * Moves an open task from one assignee to another in the transaction, only if nobody changed it meanwhile.
 */
export async function reassign(models: Models, task: TaskRow, assignee: string, transaction: Transaction) {
  const [moved] = await models.Task.update({ assignee }, { where: { id: task.id, state: 'open', assignee: task.assignee }, transaction });
  if (moved !== 1) throw taskChanged();
}
