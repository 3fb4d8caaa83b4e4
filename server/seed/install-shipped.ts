import fs from 'node:fs';
import path from 'node:path';
import type { Platform } from '../platform.ts';
import { shippedForms } from '../../forms/shipped-forms.ts';

const PROCESSES = path.resolve('processes');

/**
 * Deploys the shipped forms, rule-set presets and processes on every start: a shipped file that changed becomes a new version;
 * an unchanged one, or one an admin has since redeployed from the designer, is left alone.
 */
export async function installShipped(p: Platform) {
  for (const { formKey, form } of shippedForms()) await p.forms.install(formKey, form);
  await p.ruleSets.installPresets();
  for (const file of fs.readdirSync(PROCESSES).filter((f) => f.endsWith('.bpmn')).sort()) {
    const xml = fs.readFileSync(path.join(PROCESSES, file), 'utf8');
    const processId = path.basename(file, '.bpmn');
    const shippedBefore = (await p.engine.listDeployments()).some((d) => d.processId === processId && d.deployedBy === null);
    const latest = await p.engine.getDeployment(processId);
    if (!shippedBefore || (latest?.deployedBy === null && latest.xml !== xml)) await p.engine.deploy(xml);
  }
}
