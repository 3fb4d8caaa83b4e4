import { expect } from 'vitest';
import { ApiClient } from './api-client.ts';

/** Clients logged in once per username on one test server, and what each has open in their inbox. */
export function inboxUsers(serverUrl: () => string) {
  const clients = new Map<string, ApiClient>();
  const as = async (username: string) => {
    if (!clients.has(username)) clients.set(username, await ApiClient.login(serverUrl(), username));
    return clients.get(username)!;
  };

  /** `username`'s open tasks at `elementId`. */
  async function openTasks<T extends { elementId: string }>(username: string, elementId: string): Promise<T[]> {
    const { status, body } = await (await as(username)).get('/api/tasks');
    expect(status).toBe(200);
    return (body as T[]).filter((t) => t.elementId === elementId);
  }

  return { as, openTasks };
}
