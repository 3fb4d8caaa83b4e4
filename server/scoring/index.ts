/**
 * 计分与等次评定 (scoring and grading): rule sets as data, presets from the source documents, exact
 * scores with traces, cohort grading. Pure functions, no I/O.
 */
export type { RuleSet, Indicator, ScoringMethod, GradeRules, NamedFormula } from './rule-set.ts';
export { ruleSetSchema } from './rule-set.ts';
export type { RuleSetError } from './errors.ts';
export { ScoringInputError } from './errors.ts';
export { validateRuleSet, type RuleSetValidation } from './validate-rule-set.ts';
export { effectiveRuleSet, diffRuleSets, type RuleSetOverrides, type RuleSetChange } from './inherit-rule-set.ts';
export { computeScore, type SubjectInput, type ScoreResult } from './compute-score.ts';
export type { TraceEntry } from './trace.ts';
export type { VetoRecord, BonusCancellation } from './methods/method.ts';
export { gradeCohort, type CohortMember, type GradeContext, type GradeResult } from './grade-cohort.ts';
export { applyResults, type GradedSubject, type ResultApplication, type GradeTraceEntry, type HistoryEntry } from './apply-results.ts';
export { dryRun, type CohortInput, type CohortSubject, type DryRunResult } from './dry-run.ts';
export { getPreset, listPresets, type PresetSummary } from './presets/index.ts';
