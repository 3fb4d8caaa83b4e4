import { DataTypes, type QueryInterface } from 'sequelize';

/** Instance state and form schemas outgrow MySQL's 64 KB TEXT; SQLite has one TEXT type. */
export function longText(q: QueryInterface) {
  return q.sequelize.getDialect() === 'mysql' ? DataTypes.TEXT('long') : DataTypes.TEXT;
}
