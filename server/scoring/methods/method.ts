/** What every scoring method (计分方法) of an indicator leaf provides. */
import type { Cents, Ratio } from '../decimal.ts';
import type { Issues } from '../issues.ts';
import type { ScoringMethod, VetoEffect } from '../rule-set.ts';
import type { TraceLog } from '../trace.ts';

/** An indicator of the rule set, resolved for one post category. */
export interface PlanNode {
  key: string;
  /** Dotted path of keys from the top level, e.g. "ji.coreTasks". */
  path: string;
  label: string;
  /** Where the subject input of the node sits, for messages: "inputs.initial". */
  inputPath: string;
  /** Full points in hundredths (满分); 100 points when neither the node nor its method fixes it. */
  full: Cents;
  /** Weight in % as entered, when the node is weighted within its parent. */
  weight?: number;
  /** contribution to the parent = score × coefficient (weighted nodes only). */
  coefficient?: Ratio;
  children: PlanNode[];
  method?: ScoringMethod;
  /** The implementation of `method`. */
  impl?: MethodImpl;
  /** Position of the node's value in a subject's value array. */
  index: number;
}

/** A veto event that happened, with the effect it has on the grade. */
export interface VetoRecord {
  code: string;
  label: string;
  effect: VetoEffect;
  indicator: string;
}

/** An annual performance bonus cancelled by a violation (R9, 004 §4). */
export interface BonusCancellation {
  person?: string;
  roles: string[];
  reason: string;
}

/** Everything a method needs to score one leaf for one subject. */
export interface LeafContext {
  readonly node: PlanNode;
  /** Where the leaf's input sits in the subject input, for error messages: "inputs.initial". */
  readonly path: string;
  /** Where the method records the parts that explain the leaf's score. */
  readonly trace: TraceLog;
  /** Depth of the parts directly below the leaf; nested parts use depth + 1. */
  readonly depth: number;
  /** Veto events of the subject, for grading. */
  readonly vetoes: VetoRecord[];
  readonly bonusCancellations: BonusCancellation[];
}

export interface MethodImpl<M extends ScoringMethod = ScoringMethod> {
  /** 中文名 for messages. */
  readonly name: string;
  /** True when the method scores on the leaf's full points (so the leaf may be weighted). */
  readonly scaled: boolean;
  validate(method: M, path: string, zhNode: string, issues: Issues): void;
  score(method: M, input: unknown, leaf: LeafContext): Cents;
  /** The explanation on the leaf's own trace entry. */
  summary(method: M, input: unknown, node: PlanNode, score: Cents): string;
}
