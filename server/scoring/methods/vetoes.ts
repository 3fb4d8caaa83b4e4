/**
 * R7 一票否决 (002 §11.4, 004 §5): each event deducts its points and has an effect on the grade: no top
 * grade (取消评优资格), one level lower (降低一个等次) or the lowest level (定为最低等次).
 */
import { type Cents, formatCents, toCents } from '../decimal.ts';
import type { VetoEffect, VetoEvent, VetoesMethod } from '../rule-set.ts';
import { TERM } from '../trace.ts';
import { byCode, entryOf, listOf, optionalText } from './input.ts';
import type { MethodImpl, PlanNode } from './method.ts';

export const vetoEffectText: Record<VetoEffect, string> = {
  none: '不影响等次',
  barTopGrade: '不得评为最高等次',
  downgrade: '降低一个等次',
  forceLowest: '定为最低等次',
};

function describeVeto(node: PlanNode, event: VetoEvent, note: string | undefined, points: Cents) {
  const remark = note ? `（${note}）` : '';
  return {
    rule: 'vetoes',
    key: `${node.path}.${event.code}`,
    label: event.label,
    detail: `一票否决事项「${event.label}」${remark}：扣 ${formatCents(points)}，${vetoEffectText[event.effect]}`,
  };
}

export const vetoes: MethodImpl<VetoesMethod> = {
  name: '一票否决',
  scaled: false,

  validate(method, path, zhNode, issues) {
    issues.unique(method.events, (event) => event.code, `${path}.events`, `「${zhNode}」的否决事项`, `Veto event of "${zhNode}"`);
    method.events.forEach((event, i) => issues.amount(event.deduct, `${path}.events[${i}].deduct`, `否决事项「${event.label}」的扣分`, `The deduction of veto event "${event.label}"`, { min: 0 }));
  },

  score(method, input, leaf) {
    const { node } = leaf;
    let sum: Cents = 0;
    listOf(input).forEach((raw, i) => {
      const path = Array.isArray(input) ? `${leaf.path}[${i}]` : leaf.path;
      const entry = entryOf(raw, path, node.label);
      const event = byCode(method.events, entry.code, `${path}.code`, '一票否决事项', 'veto event');
      const points = toCents(event.deduct);
      sum += points;
      if (event.effect !== 'none') leaf.vetoes.push({ code: event.code, label: event.label, effect: event.effect, indicator: node.path });
      leaf.trace.add(leaf.depth, TERM, points, undefined, describeVeto, node, event, optionalText(entry.note));
    });
    return sum;
  },

  summary(_method, input) {
    const count = listOf(input).length;
    return count === 0 ? '无一票否决事项' : `${count} 起一票否决事项，扣分合计（扣分值）`;
  },
};
