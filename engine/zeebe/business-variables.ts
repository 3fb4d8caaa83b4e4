import type { StartOptions, Variables } from '../port.ts';

/**
 * Zeebe has no business key: the platform's business key and unit travel as process variables, so Operate
 * and Tasklist can search by them and every job (also of called or message-started processes) carries them.
 */
const BUSINESS_KEY = 'businessKey';
const UNIT_ID = 'unitId';

export function withBusinessVariables(variables: Variables, options: StartOptions): Variables {
  return {
    ...variables,
    ...(options.businessKey !== undefined ? { [BUSINESS_KEY]: options.businessKey } : {}),
    ...(options.unitId !== undefined ? { [UNIT_ID]: options.unitId } : {}),
  };
}

export function businessOf(variables: Variables): { businessKey: string | null; unitId: number | null } {
  const businessKey = variables[BUSINESS_KEY];
  const unitId = variables[UNIT_ID];
  return { businessKey: typeof businessKey === 'string' ? businessKey : null, unitId: typeof unitId === 'number' ? unitId : null };
}
