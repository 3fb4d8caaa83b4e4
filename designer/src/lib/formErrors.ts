import { localize } from '../i18n/index.svelte';
import { ApiError } from './api';
import { errorMessage } from './errors';
import type { ErrorDetail } from './types';

/** A refusal of a form: a message for each field it names, and one for the form as a whole when no field is named. */
export interface FormErrors {
  fields: Record<string, string>;
  general: string | null;
}

export const noFormErrors: FormErrors = { fields: {}, general: null };

/** One item of `error.details` in the UI language. */
export function detailMessage(detail: ErrorDetail): string {
  return detail.zh && detail.en ? localize({ zh: detail.zh, en: detail.en }) : (detail.message ?? detail.code ?? '');
}

/**
 * Sorts the server's answer to a form: each detail goes to the field of its path (`period`, `unitId` …);
 * `fieldOfCode` names the field an error code is about (`process.not_found` → `processId`).
 */
export function formErrors(error: unknown, fieldOfCode: Record<string, string> = {}): FormErrors {
  const fields: Record<string, string> = {};
  if (!(error instanceof ApiError)) return { fields, general: errorMessage(error) };
  for (const detail of error.details) {
    if (!detail.path) continue;
    const field = detail.path.split('.')[0];
    fields[field] = fields[field] ? `${fields[field]}；${detailMessage(detail)}` : detailMessage(detail);
  }
  const named = fieldOfCode[error.code];
  if (named) fields[named] = errorMessage(error);
  return { fields, general: Object.keys(fields).length ? null : errorMessage(error) };
}
