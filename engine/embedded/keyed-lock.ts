/** Serialises work per key (one instance is never stepped twice at the same time). */
export function createKeyedLock() {
  const tails = new Map<string, Promise<unknown>>();
  return async function withLock<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = tails.get(key) ?? Promise.resolve();
    const run = previous.then(work, work);
    const tail = run.catch(() => undefined);
    tails.set(key, tail);
    try {
      return await run;
    } finally {
      if (tails.get(key) === tail) tails.delete(key);
    }
  };
}

export type KeyedLock = ReturnType<typeof createKeyedLock>;

/** Holds the locks of several keys for one piece of work, taken in sorted order so two groups never wait on each other. */
export function withLocks<T>(withLock: KeyedLock, keys: string[], work: () => Promise<T>): Promise<T> {
  const [first, ...rest] = [...new Set(keys)].sort();
  return first === undefined ? work() : withLock(first, () => withLocks(withLock, rest, work));
}
