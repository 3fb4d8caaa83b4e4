/** Dates leave the API as ISO 8601 text (raw SQLite rows carry them as "2026-11-21 12:39:43.443 +00:00"). */
export function isoDate(value: Date | string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return new Date(value).toISOString();
}
