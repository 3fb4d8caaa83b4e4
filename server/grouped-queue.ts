/** An item a caller added to a grouped queue, settled by the handler of its group. */
export interface Queued<Item, Result> {
  item: Item;
  resolve(result: Result): void;
  reject(err: unknown): void;
}

/**
 * A queue handled in groups: what callers add while a group is being handled waits and forms the next group (up to
 * `maxGroup` items), so concurrent callers share the work while a lone caller is handled at once. `handle` settles
 * every item of its group; if it throws, the items it left unsettled fail with that error.
 */
export function groupedQueue<Item, Result>(handle: (group: Array<Queued<Item, Result>>) => Promise<void>, maxGroup = 200) {
  const queue: Array<Queued<Item, Result>> = [];
  let running = false;

  async function drain() {
    running = true;
    while (queue.length) {
      const group = queue.splice(0, maxGroup);
      await handle(group).catch((err) => group.forEach((queued) => queued.reject(err)));
    }
    running = false;
  }

  return (item: Item) =>
    new Promise<Result>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      if (!running) void drain();
    });
}
