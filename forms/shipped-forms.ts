import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FormDefinition } from './form-schema.ts';

const folder = path.dirname(fileURLToPath(import.meta.url));

/** The Form.io forms shipped with the platform (one JSON file per form key), deployed by the seed step. */
export function shippedForms(): Array<{ formKey: string; form: FormDefinition }> {
  return fs
    .readdirSync(folder)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ formKey: path.basename(f, '.json'), form: JSON.parse(fs.readFileSync(path.join(folder, f), 'utf8')) as FormDefinition }));
}
