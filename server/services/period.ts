/** The assessment period a date falls in, e.g. 2026-Q4 (季度). */
export function currentPeriod(date = new Date()): string {
  return `${date.getFullYear()}-Q${Math.floor(date.getMonth() / 3) + 1}`;
}
