import { describe, it, expect } from 'vitest';
import { z } from 'zod';
import { zodDetails } from '../../server/http/zod-issues.ts';

const details = (schema: z.ZodType, value: unknown) => {
  const result = schema.safeParse(value);
  if (result.success) throw new Error('expected a refusal');
  return zodDetails(result.error);
};

describe('request validation messages in Chinese and English', () => {
  it('splits the routes’ own "中文 / English" messages', () => {
    const period = z.object({ period: z.string().regex(/^\d{4}$/, '周期格式：2026 / period like 2026') });
    expect(details(period, { period: 'Q1' })).toEqual([{ path: 'period', zh: '周期格式：2026', en: 'period like 2026' }]);
  });

  it('says in Chinese what zod’s own messages say', () => {
    const schema = z.object({ name: z.string().min(2).max(4), count: z.number().max(5), kind: z.enum(['annual', 'quarterly']) });
    const byPath = new Map(details(schema, { name: 'x', count: 9, kind: 'weekly' }).map((d) => [d.path, d]));
    expect(byPath.get('name')!.zh).toBe('至少 2 个字');
    expect(byPath.get('count')!.zh).toBe('不能大于 5');
    expect(byPath.get('kind')!.zh).toBe('取值不正确（可选：annual、quarterly）');
    expect(byPath.get('kind')!.en).toMatch(/annual/);
    expect(details(schema, { count: 1, kind: 'annual' })).toEqual([expect.objectContaining({ path: 'name', zh: '必填' })]);
  });
});
