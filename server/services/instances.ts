import type { SessionUser } from '../auth/session-user.ts';
import { MANAGERS } from '../auth/roles.ts';
import type { Scope } from '../auth/scope.ts';
import type { Engine } from '../../engine/port.ts';
import { notFound } from '../http/errors.ts';
import { EngineError } from '../../engine/errors.ts';
import { isoDate } from '../http/iso-date.ts';

/** A process instance and its history, for managers of the instance's unit. */
export function createInstances(engine: Engine, scope: Scope) {
  return {
    async get(instanceKey: string, user: SessionUser) {
      let instance;
      try {
        instance = await engine.getInstance(instanceKey);
      } catch (err) {
        if (err instanceof EngineError) throw notFound('instance', '流程实例');
        throw err;
      }
      if (instance.unitId === null || !(await scope.unitsFor(user, MANAGERS)).has(instance.unitId)) throw notFound('instance', '流程实例');
      const { history, ...rest } = instance;
      return { instance: rest, history: history.map((h) => ({ ...h, at: isoDate(h.at) })) };
    },
  };
}
