/**
 * Group commit: what callers ask to save while a group is being saved waits and is saved with the next group,
 * in one transaction, so many concurrent callers share commits while a lone caller is saved at once. If a group
 * cannot be saved, each of its items is saved on its own, so one bad item fails only its own caller.
 */
export class GroupCommit<Item, Saved> {
  private pending: Array<{ item: Item; resolve(saved: Saved): void; reject(err: unknown): void }> = [];
  private saving = false;

  constructor(
    /** Saves the items in one transaction, returning what was saved for each, in order; or throws and saves nothing. */
    private readonly saveAll: (items: Item[]) => Promise<Saved[]>,
    private readonly maxGroup = 200,
  ) {}

  save(item: Item): Promise<Saved> {
    const saved = new Promise<Saved>((resolve, reject) => this.pending.push({ item, resolve, reject }));
    if (!this.saving) void this.drain();
    return saved;
  }

  private async drain() {
    this.saving = true;
    while (this.pending.length) {
      const group = this.pending.splice(0, this.maxGroup);
      if (group.length > 1) {
        try {
          const saved = await this.saveAll(group.map((g) => g.item));
          group.forEach((g, i) => g.resolve(saved[i]));
          continue;
        } catch {
          // saved one by one below
        }
      }
      for (const g of group) {
        try {
          g.resolve((await this.saveAll([g.item]))[0]);
        } catch (err) {
          g.reject(err);
        }
      }
    }
    this.saving = false;
  }
}
