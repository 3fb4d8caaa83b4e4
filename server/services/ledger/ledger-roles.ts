import type { Role } from '../../auth/roles.ts';

/** Who assigns ledger items (交办) for people of their unit subtree, and confirms them done. */
export const LEDGER_ASSIGNERS: Role[] = ['supervisor', 'office', 'unit_admin'];

/** Who sees the ledger of a unit subtree besides the owners themselves. */
export const LEDGER_READERS: Role[] = [...LEDGER_ASSIGNERS, 'leader', 'admin'];
