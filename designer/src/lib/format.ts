import { i18n, t } from '../i18n/index.svelte';

function format(value: string, options: Intl.DateTimeFormatOptions): string {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : new Intl.DateTimeFormat(i18n.locale, options).format(date);
}

export function formatDateTime(value: string): string {
  return format(value, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });
}

export function formatDate(value: string): string {
  return format(value, { year: 'numeric', month: '2-digit', day: '2-digit' });
}

export function isOverdue(dueDate: string | null, now = new Date()): boolean {
  return dueDate !== null && new Date(dueDate) < now;
}

/** "2026-Q4" → 2026年第四季度, "2026-03" → 2026年3月, "2026" → 2026年度; anything else as it is. */
export function formatPeriod(period: string): string {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter) {
    const [, year, number] = quarter;
    return t('period.quarter', { year, quarter: i18n.locale === 'en' ? number : '一二三四'[Number(number) - 1] });
  }
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  if (month) return t('period.month', { year: month[1], month: i18n.locale === 'en' ? month[2] : Number(month[2]) });
  if (/^\d{4}$/.test(period)) return t('period.year', { year: period });
  return period;
}
