import type { Role } from '../../auth/roles.ts';
import type { RecordKind } from '../../models/performance-records.ts';

/**
 * Who may enter (and revoke) each kind of record over their unit subtree: 点赞 leaders and supervisors (003),
 * 错情 supervisors and the performance office, 察访核验 discipline inspection and the office (004).
 */
export const RECORD_KEEPERS: Record<RecordKind, Role[]> = {
  commendation: ['leader', 'supervisor'],
  errorNotice: ['supervisor', 'office'],
  inspection: ['inspector', 'office'],
};

/** Anyone who keeps some kind of record. */
export const ANY_RECORD_KEEPER: Role[] = [...new Set(Object.values(RECORD_KEEPERS).flat())];

/** Who reads the records of a unit subtree, besides the person a record is about. */
export const RECORD_READERS: Role[] = [...ANY_RECORD_KEEPER, 'unit_admin', 'admin'];
