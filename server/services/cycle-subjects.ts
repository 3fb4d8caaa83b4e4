import type { Transaction } from 'sequelize';
import type { Models } from '../models/index.ts';
import type { CycleMemberRow, CycleRow, CycleSubjectKind } from '../models/records.ts';
import type { Table } from '../models/define.ts';
import { subtree } from '../auth/scope.ts';

/** A row of a cycle's subjects: a person (`cycle_members.userId`) or a unit (`cycle_units.unitId`). */
export type CycleSubjectRow = Omit<CycleMemberRow, 'userId'> & { userId?: number; unitId?: number };

/**
 * Who a cycle assesses, by its subject kind: the table its subjects are recorded in, each subject's id, name and
 * message correlation key (`<cycleId>:<username>` or `<cycleId>:unit:<unitId>`), and who is eligible at launch —
 * every active staff member of the cycle's unit subtree, or every unit strictly below the cycle's unit.
 */
export function cycleSubjects(models: Models, kind: CycleSubjectKind) {
  const units = kind === 'unit';
  const table = (units ? models.CycleUnit : models.CycleMember) as unknown as Table<CycleSubjectRow>;
  const column = units ? ('unitId' as const) : ('userId' as const);
  const subjectId = (row: CycleSubjectRow): number => row[column]!;

  return {
    kind,
    table,
    column,
    subjectId,

    /** Names (unit names, display names) and usernames of the given subjects. */
    async describe(ids: number[], transaction?: Transaction): Promise<Map<number, { name: string; key: string }>> {
      if (units) {
        const rows = await models.Unit.findAll({ where: { id: ids }, attributes: ['id', 'name'], raw: true, transaction });
        return new Map(rows.map((u) => [u.id, { name: u.name, key: `unit:${u.id}` }]));
      }
      const rows = await models.User.findAll({ where: { id: ids }, attributes: ['id', 'displayName', 'username'], raw: true, transaction });
      return new Map(rows.map((u) => [u.id, { name: u.displayName, key: u.username }]));
    },

    /** Everyone the cycle assesses, by id. */
    async eligible(cycle: CycleRow, transaction: Transaction): Promise<number[]> {
      const tree = await models.Unit.findAll({ attributes: ['id', 'parentId'], raw: true, transaction });
      const below = [...subtree(tree, cycle.unitId)];
      if (units) return below.filter((id) => id !== cycle.unitId);
      const staff = await models.UserRole.findAll({ where: { role: 'staff', unitId: below }, attributes: ['userId'], raw: true, transaction });
      const people = await models.User.findAll({ where: { id: staff.map((s) => s.userId), active: true }, attributes: ['id'], raw: true, transaction });
      return people.map((p) => p.id);
    },
  };
}

export type CycleSubjects = ReturnType<typeof cycleSubjects>;

/** The correlation key of a cycle's messages to one subject's instance. */
export const cycleKey = (cycleId: number, subjectKey: string) => `${cycleId}:${subjectKey}`;
