/**
 * A rule set (考核规则集): everything a performance office configures about how scores and grade levels
 * come about, as JSON data. The zod schema checks the shape; `validate-rule-set.ts` checks the meaning.
 */
import { z } from 'zod';

/** A rating label and its value on a 100-point scale, e.g. 好 → 100. */
export interface ScaleEntry {
  label: string;
  value: number;
}

/** R2 完成率计分: points × actual / target, over-achievement adds at most `overAchievementCap` % of the points. */
export interface CompletionMethod {
  type: 'completion';
  overAchievementCap: number;
  /** The items (with their own points) are declared per subject, e.g. each unit's approved targets. */
  declaredItems?: boolean;
}

/** Ratings (labels of the scale, or numbers 0–100) turned into points; several ratings are averaged. */
export interface RatingScaleMethod {
  type: 'ratingScale';
  scale?: ScaleEntry[];
  maxRatings?: number;
}

/** R3 领导综合评价: every vote adds the value its role gives to that rating. */
export interface VoteRole {
  code: string;
  label: string;
  maxVotes?: number;
  values: ScaleEntry[];
}
export interface LeaderVotesMethod {
  type: 'leaderVotes';
  roles: VoteRole[];
}

/** An itemised bonus or deduction: fixed points per occurrence, or points set case by case (up to `maxPoints`). */
export interface CatalogueItem {
  code: string;
  label: string;
  points?: number;
  maxPoints?: number;
}

/** R4 特殊情况加分: per-item values, the same work counts once, total capped. */
export interface BonusItemsMethod {
  type: 'bonusItems';
  items: CatalogueItem[];
  oncePerWork: boolean;
  cap?: number;
}

/** A factor applied to a deduction, e.g. 双倍扣分 when the bureau itself lost points for that work. */
export interface Multiplier {
  code: string;
  label: string;
  factor: number;
}

/** R5 特殊情况扣分: per-item values with multipliers. The result is the amount deducted (≥ 0). */
export interface DeductionsMethod {
  type: 'deductions';
  items: CatalogueItem[];
  multipliers?: Multiplier[];
  cap?: number;
}

/** R6 排位加扣分: (baseline − rank) × perPlace. */
export interface RankAdjustmentMethod {
  type: 'rankAdjustment';
  baseline: number;
  of: number;
  perPlace: number;
}

/** What a veto event (一票否决事项) does to the grade, besides its deduction. */
export type VetoEffect = 'none' | 'barTopGrade' | 'downgrade' | 'forceLowest';
export const vetoEffects = ['none', 'barTopGrade', 'downgrade', 'forceLowest'] as const;

export interface VetoEvent {
  code: string;
  label: string;
  deduct: number;
  effect: VetoEffect;
}
/** R7 一票否决: each event deducts its points; the result is the amount deducted (≥ 0). */
export interface VetoesMethod {
  type: 'vetoes';
  events: VetoEvent[];
}

/** R8 评价主体: self / peers / supervisor / leaders / public, each the average of its ratings. */
export interface RaterGroup {
  code: string;
  label: string;
  weight: number;
  maxRatings?: number;
}
export interface RaterGroupsMethod {
  type: 'raterGroups';
  scale?: ScaleEntry[];
  groups: RaterGroup[];
  /** A group without ratings: share its weight among the others, or reject the input. */
  missingGroup: 'redistribute' | 'error';
}

/** R9 违规扣分按当事人职级: points per case by the person's rank; some also cancel bonuses. */
export interface PersonRank {
  code: string;
  label: string;
}
export interface ViolationKind {
  code: string;
  label: string;
  /** Points per case, by rank code. */
  points: Record<string, number>;
  /** Whose annual performance bonus the case cancels, by rank code (e.g. ["本人", "单位分管领导"]). */
  bonusCancelled?: Record<string, string[]>;
}
export interface RankDeductionsMethod {
  type: 'rankDeductions';
  ranks: PersonRank[];
  kinds: ViolationKind[];
  multipliers?: Multiplier[];
}

export type ScoringMethod =
  | CompletionMethod
  | RatingScaleMethod
  | LeaderVotesMethod
  | BonusItemsMethod
  | DeductionsMethod
  | RankAdjustmentMethod
  | VetoesMethod
  | RaterGroupsMethod
  | RankDeductionsMethod;

export type MethodType = ScoringMethod['type'];

/** R1 post-category variant (岗位类别 / 单位类别) of a node: another weight or points, or left out. */
export interface IndicatorVariant {
  weight?: number;
  points?: number;
  omit?: boolean;
}

/** R1 指标: up to three levels; a leaf has a scoring method, a parent sums its children. */
export interface Indicator {
  key: string;
  name: string;
  /** Share of the parent in %, siblings add up to 100. */
  weight?: number;
  /** Full points (满分); children's points add up to the parent's. */
  points?: number;
  variants?: Record<string, IndicatorVariant>;
  children?: Indicator[];
  method?: ScoringMethod;
  note?: string;
}

/** A named intermediate result computed by a FEEL formula, e.g. 绩效得分 = 目标考评 × 70% + 公众评议 × 30%. */
export interface NamedFormula {
  key: string;
  label: string;
  expression: string;
}

export type TiePolicy = 'includeAll' | 'excludeAll';
export type QuotaRounding = 'halfUp' | 'up' | 'down';

/** G1 名额上浮: a larger share when the unit itself got a given grade (004: 20 % for 优秀 units). */
export interface QuotaUplift {
  whenUnitLevel: string;
  share: number;
}

/** A rank window: the first / last `count` or `share` % of the cohort (G2, G3, G5). */
export interface RankWindow {
  count?: number;
  share?: number;
  rounding?: QuotaRounding;
  /** Count places among the subjects still eligible for the level, or in the whole cohort ranking. */
  among?: 'eligible' | 'all';
  ties?: TiePolicy;
  uplift?: QuotaUplift;
}

/** G4 入围择优: only subjects ranked in the top `share` % (by `by`, default the total) are eligible. */
export interface EligibilityPool {
  share: number;
  rounding: QuotaRounding;
  by?: string;
  ties?: TiePolicy;
}

export interface GradeLevel {
  code: string;
  label: string;
}

/** How subjects reach a level; rules are tried in order and the first that selects a subject wins. */
export interface LevelRule {
  level: string;
  minScore?: number;
  belowScore?: number;
  top?: RankWindow;
  bottom?: RankWindow;
  pool?: EligibilityPool;
}

/** G6 follow-up action (面谈、末位谈话、书面检查…), optionally only for some categories. */
/** The lists (名单) results feed: commendation, promotion priority, training, talks (约谈 / 末位谈话). */
export type ResultList = 'commendation' | 'promotion' | 'training' | 'talk';

export interface FollowUpAction {
  label: string;
  categories?: string[];
  /** the list the action puts the subject on, if any */
  list?: ResultList;
}

/** A label by rank that is not a grade level, e.g. 末位 (last place). */
export interface RankLabel {
  code: string;
  label: string;
  top?: RankWindow;
  bottom?: RankWindow;
  actions?: FollowUpAction[];
}

/** G6 结果运用 per level: bonus coefficient (120 %), or months relative to the top grade (−0.5 月). */
export interface LevelResult {
  level: string;
  bonusCoefficient?: number;
  bonusMonthsOffset?: number;
  actions?: FollowUpAction[];
}

/** G6 consequences of repeated results, e.g. two consecutive quarters not up to standard → 约谈. */
export interface ConsecutiveRule {
  code: string;
  label: string;
  consecutive: number;
  levels?: string[];
  labels?: string[];
  actions: FollowUpAction[];
}

export interface RankKey {
  key: string;
  direction: 'desc' | 'asc';
}

export interface GradeRules {
  /** Best first: downgrade moves one step down this list, forceLowest goes to its end. */
  levels: GradeLevel[];
  rules: LevelRule[];
  otherwise: string;
  /** Secondary ranking keys after the total (G5), then the tie policy decides. */
  rankBy?: RankKey[];
  ties: TiePolicy;
  labels?: RankLabel[];
  results?: LevelResult[];
  consecutive?: ConsecutiveRule[];
}

export interface RuleSet {
  id: string;
  name: string;
  version: number;
  source?: string;
  /** Who is assessed: units (组织绩效), persons (个人绩效) or both. */
  subjectKind: 'unit' | 'person' | 'both';
  /** Post categories or unit categories that select indicator variants. */
  postCategories?: string[];
  /** Ranking categories (考核类别), graded separately. */
  categories?: string[];
  indicators: Indicator[];
  formulas?: NamedFormula[];
  /** The composite score as a FEEL expression over indicator and formula keys, e.g. "=a * 0.7 + b * 0.3". */
  total: string;
  grading: GradeRules;
}

const text = z.string().min(1);
const num = z.number();
const code = text;

const scaleEntry: z.ZodType<ScaleEntry> = z.strictObject({ label: text, value: num });
const catalogueItem: z.ZodType<CatalogueItem> = z.strictObject({
  code, label: text, points: num.optional(), maxPoints: num.optional(),
});
const multiplier: z.ZodType<Multiplier> = z.strictObject({ code, label: text, factor: num });

const method = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('completion'), overAchievementCap: num, declaredItems: z.boolean().optional() }),
  z.strictObject({ type: z.literal('ratingScale'), scale: z.array(scaleEntry).optional(), maxRatings: z.int().positive().optional() }),
  z.strictObject({
    type: z.literal('leaderVotes'),
    roles: z.array(z.strictObject({ code, label: text, maxVotes: z.int().positive().optional(), values: z.array(scaleEntry) })),
  }),
  z.strictObject({ type: z.literal('bonusItems'), items: z.array(catalogueItem), oncePerWork: z.boolean(), cap: num.optional() }),
  z.strictObject({ type: z.literal('deductions'), items: z.array(catalogueItem), multipliers: z.array(multiplier).optional(), cap: num.optional() }),
  z.strictObject({ type: z.literal('rankAdjustment'), baseline: z.int(), of: z.int(), perPlace: num }),
  z.strictObject({
    type: z.literal('vetoes'),
    events: z.array(z.strictObject({ code, label: text, deduct: num, effect: z.enum(vetoEffects) })),
  }),
  z.strictObject({
    type: z.literal('raterGroups'),
    scale: z.array(scaleEntry).optional(),
    groups: z.array(z.strictObject({ code, label: text, weight: num, maxRatings: z.int().positive().optional() })),
    missingGroup: z.enum(['redistribute', 'error']),
  }),
  z.strictObject({
    type: z.literal('rankDeductions'),
    ranks: z.array(z.strictObject({ code, label: text })),
    kinds: z.array(z.strictObject({
      code, label: text, points: z.record(z.string(), num), bonusCancelled: z.record(z.string(), z.array(text)).optional(),
    })),
    multipliers: z.array(multiplier).optional(),
  }),
]) satisfies z.ZodType<ScoringMethod>;

const indicator: z.ZodType<Indicator> = z.strictObject({
  key: text,
  name: text,
  weight: num.optional(),
  points: num.optional(),
  variants: z.record(z.string(), z.strictObject({ weight: num.optional(), points: num.optional(), omit: z.boolean().optional() })).optional(),
  get children() {
    return z.array(indicator).optional();
  },
  method: method.optional(),
  note: z.string().optional(),
});

const tiePolicy = z.enum(['includeAll', 'excludeAll']);
const rounding = z.enum(['halfUp', 'up', 'down']);
const rankWindow: z.ZodType<RankWindow> = z.strictObject({
  count: z.int().nonnegative().optional(),
  share: num.optional(),
  rounding: rounding.optional(),
  among: z.enum(['eligible', 'all']).optional(),
  ties: tiePolicy.optional(),
  uplift: z.strictObject({ whenUnitLevel: text, share: num }).optional(),
});
const action: z.ZodType<FollowUpAction> = z.strictObject({
  label: text,
  categories: z.array(text).optional(),
  list: z.enum(['commendation', 'promotion', 'training', 'talk']).optional(),
});

const grading: z.ZodType<GradeRules> = z.strictObject({
  levels: z.array(z.strictObject({ code, label: text })),
  rules: z.array(z.strictObject({
    level: code,
    minScore: num.optional(),
    belowScore: num.optional(),
    top: rankWindow.optional(),
    bottom: rankWindow.optional(),
    pool: z.strictObject({ share: num, rounding, by: text.optional(), ties: tiePolicy.optional() }).optional(),
  })),
  otherwise: code,
  rankBy: z.array(z.strictObject({ key: text, direction: z.enum(['desc', 'asc']) })).optional(),
  ties: tiePolicy,
  labels: z.array(z.strictObject({
    code, label: text, top: rankWindow.optional(), bottom: rankWindow.optional(), actions: z.array(action).optional(),
  })).optional(),
  results: z.array(z.strictObject({
    level: code, bonusCoefficient: num.optional(), bonusMonthsOffset: num.optional(), actions: z.array(action).optional(),
  })).optional(),
  consecutive: z.array(z.strictObject({
    code, label: text, consecutive: z.int().min(2), levels: z.array(code).optional(), labels: z.array(code).optional(),
    actions: z.array(action),
  })).optional(),
});

export const ruleSetSchema: z.ZodType<RuleSet> = z.strictObject({
  id: text,
  name: text,
  version: z.int().positive(),
  source: z.string().optional(),
  subjectKind: z.enum(['unit', 'person', 'both']),
  postCategories: z.array(text).optional(),
  categories: z.array(text).optional(),
  indicators: z.array(indicator).min(1),
  formulas: z.array(z.strictObject({ key: text, label: text, expression: text })).optional(),
  total: text,
  grading,
});
