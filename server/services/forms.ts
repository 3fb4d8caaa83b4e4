import { isDeepStrictEqual } from 'node:util';
import type { Models } from '../models/index.ts';
import type { FormDefinition } from '../../forms/form-schema.ts';
import { notFound } from '../http/errors.ts';

/** Form.io forms stored by key and version; a changed form becomes a new version, old submissions keep theirs. */
export function createFormRegistry(models: Models) {
  async function latest(formKey: string) {
    const row = await models.Form.findOne({ where: { formKey }, order: [['version', 'DESC']], raw: true });
    if (!row) throw notFound('form', '表单');
    return { formKey, name: row.name, version: row.version, form: JSON.parse(row.schema) as FormDefinition };
  }

  return {
    latest,
    async list() {
      const rows = await models.Form.findAll({ attributes: ['formKey', 'name', 'version'], order: [['formKey', 'ASC'], ['version', 'DESC']], raw: true });
      const seen = new Set<string>();
      return rows.filter((r) => !seen.has(r.formKey) && seen.add(r.formKey));
    },
    /** Stores a form as a new version unless the latest version is the same. Returns the version in force. */
    async install(formKey: string, form: FormDefinition): Promise<number> {
      const current = await models.Form.findOne({ where: { formKey }, order: [['version', 'DESC']], raw: true });
      if (current && isDeepStrictEqual(JSON.parse(current.schema), form)) return current.version;
      const version = (current?.version ?? 0) + 1;
      await models.Form.create({ formKey, name: form.title, version, schema: JSON.stringify(form), createdAt: new Date() });
      return version;
    },
  };
}

export type FormRegistry = ReturnType<typeof createFormRegistry>;
