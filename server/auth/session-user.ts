import type { Role } from './roles.ts';

export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  unit: { id: number; name: string };
  roles: Array<{ role: Role; unitId: number }>;
}
