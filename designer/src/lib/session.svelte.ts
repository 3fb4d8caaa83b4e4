import { api, ApiError, onUnauthorized } from './api';
import { loginPath, navigate, router } from './router.svelte';
import type { Role, User } from './types';

/** Who is logged in; `undefined` until the first `GET /api/me` has answered. */
let user = $state<User | null | undefined>(undefined);

export const session = {
  get user() { return user; },
  get known() { return user !== undefined; }
};

onUnauthorized(() => {
  user = null;
  if (router.route.name !== 'login') navigate(loginPath(router.path));
});

export async function restoreSession(): Promise<void> {
  try {
    user = await api.me();
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) user = null;
    else throw error;
  }
}

export async function login(username: string, password: string): Promise<void> {
  await api.login(username, password);
  user = await api.me();
}

/** Ends the session; the local state is cleared even when the server cannot be reached. */
export async function logout(): Promise<void> {
  await api.logout().catch(() => undefined);
  user = null;
  navigate('/login');
}

export function hasRole(who: User, ...roles: Role[]): boolean {
  return who.roles.some((grant) => roles.includes(grant.role));
}

/** The user's roles, each once, whatever the units they hold them in. */
export function roleNames(who: User): Role[] {
  return [...new Set(who.roles.map((grant) => grant.role))];
}
