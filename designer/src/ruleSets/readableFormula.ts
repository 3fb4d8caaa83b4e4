import type { RuleSet } from '../lib/types';

/** A piece of a formula as shown: plain text, or a name of the rule set with its Chinese label. */
export interface FormulaPart {
  text: string;
  label?: string;
}

/** Every name a formula can use: indicator keys and formula keys, with their labels. */
export function formulaNames(ruleSet: RuleSet): Map<string, string> {
  const names = new Map<string, string>();
  const visit = (nodes: RuleSet['indicators']) =>
    nodes.forEach((node) => {
      names.set(node.key, node.name);
      visit(node.children ?? []);
    });
  visit(ruleSet.indicators);
  for (const formula of ruleSet.formulas ?? []) names.set(formula.key, formula.label);
  return names;
}

const operators = (text: string) => text.replace(/\*/g, '×').replace(/\//g, '÷').replace(/-/g, '−');

/** "=a * 0.7 + b" → 「目标考评」 × 0.7 + 「公众评议」: the FEEL expression with names replaced by labels. */
export function readableFormula(expression: string, names: Map<string, string>): FormulaPart[] {
  const body = expression.replace(/^=/, '');
  const parts: FormulaPart[] = [];
  let from = 0;
  for (const match of body.matchAll(/[A-Za-z_][A-Za-z0-9_]*/g)) {
    const label = names.get(match[0]);
    if (label === undefined) continue;
    parts.push({ text: operators(body.slice(from, match.index)) }, { text: match[0], label });
    from = match.index + match[0].length;
  }
  parts.push({ text: operators(body.slice(from)) });
  return parts.filter((part) => part.text !== '');
}
