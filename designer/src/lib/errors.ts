import { localize } from '../i18n/index.svelte';
import { ApiError } from './api';

/** A message for any failure, in the UI language when the server sent one. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return localize(error.text);
  if (error instanceof Error) return error.message;
  return String(error);
}
