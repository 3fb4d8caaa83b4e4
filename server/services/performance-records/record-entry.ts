import { AppError } from '../../http/errors.ts';
import { formatCents, toCents } from '../../scoring/decimal.ts';
import type { CatalogueItem } from '../../scoring/rule-set.ts';
import { multiplied } from '../../scoring/methods/catalogue.ts';
import type { RecordKind } from '../../models/performance-records.ts';
import { commendationMethod, errorNoticeMethod, inspectionMethod } from './record-catalogue.ts';

/** What a person enters for a record, before it is checked against the catalogue. */
export interface RecordInput {
  kind: RecordKind;
  code?: string;
  points?: number;
  work?: string;
  rank?: string;
  multiplier?: string;
}

/** The catalogue's reading of an entry: the item or violation kind, and the points it adds or deducts. */
export interface ResolvedEntry {
  code: string;
  points: string;
  work: string | null;
  rank: string | null;
  multiplier: string | null;
}

const invalid = (code: string, zh: string, en: string) => new AppError(400, `record.${code}`, zh, en);

function catalogueEntry(items: readonly CatalogueItem[], input: RecordInput, fallback: string): ResolvedEntry {
  const code = input.code ?? fallback;
  const item = items.find((i) => i.code === code);
  if (!item) throw invalid('unknown_item', `没有事项「${code}」`, `No item "${code}"`);
  if (item.points !== undefined) {
    if (input.points !== undefined && toCents(input.points) !== toCents(item.points)) {
      throw invalid('fixed_points', `「${item.label}」的分值由规则固定为 ${item.points} 分`, `The points of "${item.label}" are fixed at ${item.points}`);
    }
    return { code, points: formatCents(toCents(item.points)), work: input.work ?? null, rank: null, multiplier: null };
  }
  const max = item.maxPoints ?? Infinity;
  if (input.points === undefined || input.points <= 0 || input.points > max) {
    throw invalid('points_range', `请填写「${item.label}」的分值（大于 0${max === Infinity ? '' : `，不超过 ${max} 分`}）`, `Enter the points of "${item.label}" (above 0${max === Infinity ? '' : `, at most ${max}`})`);
  }
  return { code, points: formatCents(toCents(input.points)), work: input.work ?? null, rank: null, multiplier: null };
}

/** 察访核验: points by the violation kind and the person's rank, times a multiplier such as 双倍扣分. */
function inspectionEntry(input: RecordInput): ResolvedEntry {
  const method = inspectionMethod();
  const kind = method.kinds.find((k) => k.code === input.code);
  if (!kind) throw invalid('unknown_item', `没有违规情形「${input.code ?? ''}」`, `No violation kind "${input.code ?? ''}"`);
  const rank = method.ranks.find((r) => r.code === input.rank);
  if (!rank) throw invalid('unknown_rank', `请选择当事人职级`, `Choose the rank of the person`);
  const perCase = kind.points[rank.code];
  if (perCase === undefined) throw invalid('no_points', `「${kind.label}」未规定「${rank.label}」的扣分`, `"${kind.label}" has no points for "${rank.label}"`);
  if (input.points !== undefined) throw invalid('fixed_points', '察访核验的扣分由违规情形和当事人职级决定，不能另行填写', 'The points of a finding follow from its kind and the rank of the person');
  const multiplier = input.multiplier === undefined ? undefined : (method.multipliers ?? []).find((m) => m.code === input.multiplier);
  if (input.multiplier !== undefined && !multiplier) throw invalid('unknown_multiplier', `没有加倍规则「${input.multiplier}」`, `No multiplier "${input.multiplier}"`);
  const points = multiplied(toCents(perCase), 1, multiplier);
  return { code: kind.code, points: formatCents(points), work: null, rank: rank.code, multiplier: multiplier?.code ?? null };
}

/** Checks an entry against the catalogue of its kind and works out its points (400 with a reason otherwise). */
export function resolveEntry(input: RecordInput): ResolvedEntry {
  if (input.kind === 'commendation') return catalogueEntry(commendationMethod().items, input, 'commendation');
  if (input.kind === 'errorNotice') return catalogueEntry(errorNoticeMethod().items, input, 'errorNotice');
  return inspectionEntry(input);
}
