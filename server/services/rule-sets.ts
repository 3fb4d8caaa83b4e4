import { isDeepStrictEqual } from 'node:util';
import type { Models } from '../models/index.ts';
import type { RuleSetRow } from '../models/records.ts';
import type { SessionUser } from '../auth/session-user.ts';
import { MANAGERS } from '../auth/roles.ts';
import type { Scope } from '../auth/scope.ts';
import type { Audit } from './audit.ts';
import { AppError, forbidden, notFound } from '../http/errors.ts';
import { isoDate } from '../http/iso-date.ts';
import {
  diffRuleSets,
  dryRun,
  effectiveRuleSet,
  getPreset,
  listPresets,
  ScoringInputError,
  validateRuleSet,
  type RuleSet,
  type RuleSetError,
  type RuleSetOverrides,
} from '../scoring/index.ts';

const invalid = (errors: RuleSetError[]) =>
  new AppError(400, 'ruleSet.invalid', `规则集有 ${errors.length} 处问题，未保存`, `The rule set has ${errors.length} problem(s) and was not saved`, errors);

/**
 * Rule sets (计分规则) as stored, versioned data: the shipped presets (global), and per unit either a rule set of
 * its own or overrides of the one it inherits from the nearest ancestor unit (copy-on-write).
 */
export function createRuleSets(models: Models, scope: Scope, audit: Audit) {
  async function ancestry(unitId: number | null): Promise<Array<number | null>> {
    return [...(unitId === null ? [] : await scope.ancestry(unitId)), null];
  }

  async function latest(code: string, unitId: number | null): Promise<RuleSetRow | null> {
    return models.RuleSet.findOne({ where: { code, unitId }, order: [['version', 'DESC']], raw: true });
  }

  /** The rule set in force for a unit: its own version, or its ancestors' with every override on the way applied. */
  async function effectiveFrom(row: RuleSetRow): Promise<RuleSet> {
    if (row.definition) return JSON.parse(row.definition) as RuleSet;
    const parent = await inherited(row.code, row.unitId);
    if (!parent) throw new AppError(409, 'ruleSet.orphan', `规则集「${row.code}」没有可继承的上级规则`, `Rule set "${row.code}" has nothing to inherit from`);
    const result = effectiveRuleSet(parent.ruleSet, JSON.parse(row.overrides ?? '{}') as RuleSetOverrides);
    if (!result.ok) throw invalid(result.errors);
    return result.ruleSet;
  }

  /** What a unit inherits: the nearest ancestor's version (not the unit's own). */
  async function inherited(code: string, unitId: number | null): Promise<{ row: RuleSetRow; ruleSet: RuleSet } | null> {
    if (unitId === null) return null;
    for (const id of (await ancestry(unitId)).slice(1)) {
      const row = await latest(code, id);
      if (row) return { row, ruleSet: await effectiveFrom(row) };
    }
    return null;
  }

  async function inForce(code: string, unitId: number | null) {
    for (const id of await ancestry(unitId)) {
      const row = await latest(code, id);
      if (row) return { row, ruleSet: await effectiveFrom(row) };
    }
    throw new AppError(404, 'ruleSet.not_found', `规则集「${code}」不存在`, `No rule set "${code}"`);
  }

  async function find(id: number, user: SessionUser): Promise<RuleSetRow> {
    const row = await models.RuleSet.findByPk(id, { raw: true });
    if (!row) throw notFound('ruleSet', '规则集');
    if (row.unitId !== null && !(await scope.unitsFor(user, [...MANAGERS, 'leader'])).has(row.unitId)) throw notFound('ruleSet', '规则集');
    return row;
  }

  const unitNames = async () => new Map((await models.Unit.findAll({ attributes: ['id', 'name'], raw: true })).map((u) => [u.id, u.name]));

  const present = (row: RuleSetRow, names: Map<number, string>) => ({
    id: row.id,
    code: row.code,
    unitId: row.unitId,
    unitName: row.unitId === null ? null : (names.get(row.unitId) ?? null),
    version: row.version,
    name: row.name,
    inherits: row.definition === null,
    createdBy: row.createdBy,
    createdAt: isoDate(row.createdAt),
  });

  return {
    inForce,

    /** Stores the shipped presets as global rule sets; a changed preset becomes a new version. */
    async installPresets() {
      for (const { id: code } of listPresets()) {
        const preset = getPreset(code)!;
        const current = await latest(code, null);
        if (current?.definition && isDeepStrictEqual(JSON.parse(current.definition), preset)) continue;
        await models.RuleSet.create({ code, unitId: null, version: (current?.version ?? 0) + 1, name: preset.name, definition: JSON.stringify(preset), overrides: null, createdBy: null, createdAt: new Date() });
      }
    },

    async list(user: SessionUser) {
      const units = await scope.unitsFor(user, [...MANAGERS, 'leader']);
      const rows = await models.RuleSet.findAll({ order: [['code', 'ASC'], ['unitId', 'ASC'], ['version', 'DESC']], raw: true });
      const seen = new Set<string>();
      const names = await unitNames();
      return rows
        .filter((r) => r.unitId === null || units.has(r.unitId))
        .filter((r) => !seen.has(`${r.code}@${r.unitId}`) && seen.add(`${r.code}@${r.unitId}`))
        .map((row) => present(row, names));
    },

    /** A version with the rule set in force and what it changes against what it inherits. */
    async get(id: number, user: SessionUser) {
      const row = await find(id, user);
      const effective = await effectiveFrom(row);
      const parent = await inherited(row.code, row.unitId);
      const names = await unitNames();
      return {
        ...present(row, names),
        overrides: row.overrides ? JSON.parse(row.overrides) : null,
        effective,
        parent: parent ? present(parent.row, names) : null,
        differences: parent ? diffRuleSets(parent.ruleSet, effective) : [],
      };
    },

    /** Saves a new version for a unit: a rule set of its own, or overrides of the inherited one. Validated first. */
    async save(user: SessionUser, input: { code: string; unitId: number; name?: string; definition?: unknown; overrides?: RuleSetOverrides }) {
      if (!(await scope.unitsFor(user, MANAGERS)).has(input.unitId)) throw forbidden();
      let stored: { name: string; definition: string | null; overrides: string | null };
      if (input.definition !== undefined) {
        const result = validateRuleSet(input.definition);
        if (!result.ok) throw invalid(result.errors);
        stored = { name: input.name ?? result.ruleSet.name, definition: JSON.stringify(result.ruleSet), overrides: null };
      } else {
        const parent = await inherited(input.code, input.unitId);
        if (!parent) throw new AppError(400, 'ruleSet.nothing_to_inherit', `上级单位没有规则集「${input.code}」，请提交完整规则`, `No ancestor has rule set "${input.code}"; submit a full definition`);
        const result = effectiveRuleSet(parent.ruleSet, input.overrides ?? {});
        if (!result.ok) throw invalid(result.errors);
        stored = { name: input.name ?? result.ruleSet.name, definition: null, overrides: JSON.stringify(input.overrides ?? {}) };
      }
      const current = await latest(input.code, input.unitId);
      const row = await models.RuleSet.create({
        code: input.code,
        unitId: input.unitId,
        version: (current?.version ?? 0) + 1,
        ...stored,
        createdBy: user.username,
        createdAt: new Date(),
      });
      await audit.record({ actor: user.username, action: 'ruleSet.save', target: `ruleSet:${input.code}@${input.unitId}`, detail: { version: row.version } });
      return present(row.get({ plain: true }) as RuleSetRow, await unitNames());
    },

    /** 试算: scores and grades a sample cohort with this version, storing nothing. */
    async dryRun(id: number, user: SessionUser, cohort: unknown) {
      const ruleSet = await effectiveFrom(await find(id, user));
      try {
        return dryRun(ruleSet, cohort);
      } catch (err) {
        if (err instanceof ScoringInputError) throw new AppError(400, 'cohort.invalid', err.zh, err.en, [err.toJSON()]);
        throw err;
      }
    },
  };
}

export type RuleSets = ReturnType<typeof createRuleSets>;
