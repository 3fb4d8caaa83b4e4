/** A tiny hash router: `#/tasks/t_1` → `{ name: 'task', id: 't_1' }`. */

export type Route =
  | { name: 'login'; next: string | null }
  | { name: 'inbox' }
  | { name: 'task'; id: string }
  | { name: 'processes' }
  | { name: 'designer'; processId: string | null }
  | { name: 'results' }
  | { name: 'plans' }
  | { name: 'ruleSets' }
  | { name: 'ruleSet'; id: number }
  | { name: 'ledger' }
  | { name: 'performanceRecords' }
  | { name: 'cycles' }
  | { name: 'publicity' }
  | { name: 'cycle'; id: number }
  | { name: 'notFound' };

const table: [RegExp, (params: string[]) => Route][] = [
  [/^\/login$/, () => ({ name: 'login', next: null })],
  [/^\/login\?next=(.+)$/, ([next]) => ({ name: 'login', next })],
  [/^\/(inbox)?$/, () => ({ name: 'inbox' })],
  [/^\/tasks\/([^/]+)$/, ([id]) => ({ name: 'task', id })],
  [/^\/processes$/, () => ({ name: 'processes' })],
  [/^\/processes\/new$/, () => ({ name: 'designer', processId: null })],
  [/^\/processes\/([^/]+)$/, ([processId]) => ({ name: 'designer', processId })],
  [/^\/results$/, () => ({ name: 'results' })],
  [/^\/plans$/, () => ({ name: 'plans' })],
  [/^\/rule-sets$/, () => ({ name: 'ruleSets' })],
  [/^\/rule-sets\/(\d+)$/, ([id]) => ({ name: 'ruleSet', id: Number(id) })],
  [/^\/ledger$/, () => ({ name: 'ledger' })],
  [/^\/performance-records$/, () => ({ name: 'performanceRecords' })],
  [/^\/cycles$/, () => ({ name: 'cycles' })],
  [/^\/publicity$/, () => ({ name: 'publicity' })],
  [/^\/cycles\/(\d+)$/, ([id]) => ({ name: 'cycle', id: Number(id) })]
];

function currentPath(): string {
  return location.hash.replace(/^#/, '') || '/';
}

function parse(path: string): Route {
  for (const [pattern, toRoute] of table) {
    const match = pattern.exec(path);
    if (match) return toRoute(match.slice(1).map(decodeURIComponent));
  }
  return { name: 'notFound' };
}

let path = $state(currentPath());
window.addEventListener('hashchange', () => (path = currentPath()));

export const router = {
  get path() { return path; },
  get route() { return parse(path); }
};

export function href(target: string): string {
  return '#' + target;
}

export function navigate(target: string): void {
  location.hash = target;
  path = currentPath();
}

/** The login page, returning to `next` afterwards. */
export function loginPath(next: string): string {
  return next === '/' || next.startsWith('/login') ? '/login' : '/login?next=' + encodeURIComponent(next);
}
