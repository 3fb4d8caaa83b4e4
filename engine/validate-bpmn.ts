import { createRequire } from 'node:module';
import { BpmnModdle } from 'bpmn-moddle';
import { zeebeModdle } from './embedded/process-source.ts';

const require = createRequire(import.meta.url);
const { Linter } = require('bpmnlint') as { Linter: new (options: unknown) => { lint(root: unknown): Promise<Record<string, LintReport[]>> } };
const NodeResolver = require('bpmnlint/lib/resolver/node-resolver') as new (options: { require: NodeRequire }) => unknown;

interface LintReport {
  id?: string;
  message: string;
  category: 'error' | 'warn' | 'info' | 'rule-error';
}

export interface BpmnProblem {
  elementId: string | null;
  rule: string;
  message: string;
}

/** The Camunda 8 version whose rules a deployed diagram must satisfy (Zeebe user tasks need ≥ 8.6). */
export const LINT_CONFIG = { extends: 'plugin:camunda-compat/camunda-cloud-8-6' };

const linter = new Linter({ config: LINT_CONFIG, resolver: new NodeResolver({ require }) });

/**
 * Checks a BPMN file before deployment the way Camunda's modeler does (bpmnlint + camunda-compat rules),
 * so the designer and the server reject the same diagrams. Returns the errors; warnings are not blocking.
 */
export async function validateBpmn(xml: string): Promise<BpmnProblem[]> {
  let parsed;
  try {
    parsed = await new BpmnModdle({ zeebe: zeebeModdle }).fromXML(xml);
  } catch (err) {
    return [{ elementId: null, rule: 'xml', message: `BPMN XML 无法解析 / cannot parse BPMN XML: ${err instanceof Error ? err.message : String(err)}` }];
  }
  const reports = await linter.lint(parsed.rootElement);
  return Object.entries(reports).flatMap(([rule, list]) =>
    list.filter((r) => r.category === 'error' || r.category === 'rule-error').map((r) => ({ elementId: r.id ?? null, rule, message: r.message })),
  );
}
