import { groupedQueue } from '../../server/grouped-queue.ts';

/**
 * Group commit: what callers ask to save while a group is being saved waits and is saved with the next group,
 * in one transaction, so many concurrent callers share commits while a lone caller is saved at once. If a group
 * cannot be saved, each of its items is saved on its own, so one bad item fails only its own caller.
 */
export class GroupCommit<Item, Saved> {
  readonly save: (item: Item) => Promise<Saved>;

  constructor(
    /** Saves the items in one transaction, returning what was saved for each, in order; or throws and saves nothing. */
    saveAll: (items: Item[]) => Promise<Saved[]>,
    maxGroup = 200,
  ) {
    this.save = groupedQueue<Item, Saved>(async (group) => {
      if (group.length > 1) {
        try {
          const saved = await saveAll(group.map((g) => g.item));
          group.forEach((g, i) => g.resolve(saved[i]));
          return;
        } catch {
          // saved one by one below
        }
      }
      for (const g of group) {
        try {
          g.resolve((await saveAll([g.item]))[0]);
        } catch (err) {
          g.reject(err);
        }
      }
    }, maxGroup);
  }
}
