import { Model, type ModelAttributes, type ModelStatic, type Sequelize } from 'sequelize';

/** A table whose rows are plain objects of type T (queries use `raw: true`). */
export type Table<T extends object> = ModelStatic<Model<T, Partial<T>> & T>;

export function defineTable<T extends object>(sequelize: Sequelize, name: string, attributes: ModelAttributes): Table<T> {
  return sequelize.define(name, attributes, { tableName: name, timestamps: false }) as unknown as Table<T>;
}
