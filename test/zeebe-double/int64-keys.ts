/** What a key of the Zeebe gateway test double stands for in its backing embedded engine. */
export type KeyKind = 'deployment' | 'definition' | 'instance' | 'element' | 'job' | 'userTask' | 'incident' | 'message';

/**
 * Zeebe's keys are int64 (sent as strings by the SDK); the embedded engine behind the test double uses hex ids.
 * This gives every local id of a kind one Zeebe-like key (counting up from partition 1's first key) and back.
 */
export class Int64Keys {
  private next = 2251799813685249n;
  private readonly toZeebe = new Map<string, string>();
  private readonly toLocal = new Map<string, { kind: KeyKind; local: string }>();

  zeebe(kind: KeyKind, local: string): string {
    const id = `${kind}:${local}`;
    let key = this.toZeebe.get(id);
    if (!key) {
      key = String(this.next++);
      this.toZeebe.set(id, key);
      this.toLocal.set(key, { kind, local });
    }
    return key;
  }

  /** A key never handed out: for things the double does not keep (a published message, a deployment). */
  fresh(kind: KeyKind): string {
    return this.zeebe(kind, `#${this.next}`);
  }

  local(kind: KeyKind, key: string): string | undefined {
    const found = this.toLocal.get(String(key));
    return found?.kind === kind ? found.local : undefined;
  }
}
