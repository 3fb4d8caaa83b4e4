import type { ZodError } from 'zod';
import type { ErrorDetail } from './errors.ts';

type Issue = ZodError['issues'][number];

const BILINGUAL = ' / ';

/** Chinese for zod's own messages, by issue code; messages the routes write themselves are "中文 / English". */
function zhDefault(issue: Issue): string {
  const raw = issue as Issue & { minimum?: number | bigint; maximum?: number | bigint; origin?: string; expected?: string; values?: unknown[]; input?: unknown };
  const length = raw.origin === 'string' ? '个字' : raw.origin === 'array' ? '项' : '';
  switch (issue.code) {
    case 'invalid_type':
      return raw.input === undefined ? '必填' : `类型不正确（应为 ${raw.expected ?? '其他类型'}）`;
    case 'too_small':
      return length ? `至少 ${String(raw.minimum)} ${length}` : `不能小于 ${String(raw.minimum)}`;
    case 'too_big':
      return length ? `不能超过 ${String(raw.maximum)} ${length}` : `不能大于 ${String(raw.maximum)}`;
    case 'invalid_value':
      return `取值不正确（可选：${(raw.values ?? []).map(String).join('、')}）`;
    case 'invalid_format':
      return '格式不正确';
    case 'unrecognized_keys':
      return `包含不认识的字段：${(issue as Issue & { keys: string[] }).keys.join('、')}`;
    default:
      return '内容不正确';
  }
}

/** One detail per zod issue, with the field's path and a message in each language. */
export function zodDetails(err: ZodError): ErrorDetail[] {
  return err.issues.map((issue) => {
    const path = issue.path.join('.');
    const split = issue.message.indexOf(BILINGUAL);
    if (split > 0) return { path, zh: issue.message.slice(0, split), en: issue.message.slice(split + BILINGUAL.length) };
    const custom = /[\u4e00-\u9fff]/.test(issue.message);
    return { path, zh: custom ? issue.message : zhDefault(issue), en: issue.message };
  });
}
