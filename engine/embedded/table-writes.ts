import type { Transaction, WhereOptions } from 'sequelize';
import type { Table } from '../../server/models/define.ts';

/*
 * Writes on the hot path of every step, sent as plain statements typed by the table's columns (so times keep their
 * milliseconds), without building and validating a model instance per row as bulkCreate and Model.update do: the
 * engine works out its rows in full itself (step-writes.ts).
 */

/** Inserts complete rows in one statement. */
export async function insertRows<T extends object>(table: Table<T>, rows: object[], transaction: Transaction) {
  await table.sequelize!.getQueryInterface().bulkInsert(table.getTableName(), rows, { transaction }, table.getAttributes());
}

/** Updates the rows that match; returns how many did. */
export async function updateRows<T extends object>(table: Table<T>, values: Partial<T>, where: WhereOptions, transaction: Transaction): Promise<number> {
  const queries = table.sequelize!.getQueryInterface();
  // the column definitions are what sequelize takes here, though its types declare a list of names
  const columns = table.getAttributes() as never;
  return (await queries.bulkUpdate(table.getTableName(), values, where, { transaction }, columns)) as unknown as number;
}
