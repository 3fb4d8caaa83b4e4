/** Messages for a performance-office user: Chinese first, English second. */
export interface RuleSetError {
  /** Where in the rule set, e.g. "indicators[0].children". */
  path: string;
  /** Stable code, e.g. "weights.sum". */
  code: string;
  zh: string;
  en: string;
}

/** A subject's input that the rule set cannot score (missing rating, unknown item code, …). */
export class ScoringInputError extends Error {
  constructor(
    readonly path: string,
    readonly code: string,
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${zh} / ${en}`);
  }

  toJSON(): RuleSetError {
    return { path: this.path, code: this.code, zh: this.zh, en: this.en };
  }
}
