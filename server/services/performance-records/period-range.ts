/** The days of an assessment period, inclusive: "2026" a year, "2026-Q4" a quarter, "2026-11" a month. */
export interface PeriodRange {
  from: string;
  to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDayOf = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

export function periodRange(period: string): PeriodRange | null {
  const year = /^(\d{4})$/.exec(period);
  if (year) return { from: `${year[1]}-01-01`, to: `${year[1]}-12-31` };
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter) {
    const [y, q] = [Number(quarter[1]), Number(quarter[2])];
    return { from: `${y}-${pad(q * 3 - 2)}-01`, to: `${y}-${pad(q * 3)}-${pad(lastDayOf(y, q * 3))}` };
  }
  const month = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(period);
  if (month) {
    const [y, m] = [Number(month[1]), Number(month[2])];
    return { from: `${y}-${pad(m)}-01`, to: `${y}-${pad(m)}-${pad(lastDayOf(y, m))}` };
  }
  return null;
}
