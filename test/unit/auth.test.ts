import { describe, it, expect } from 'vitest';
import { hashPassword, verifyPassword } from '../../server/auth/password.ts';
import { subtree } from '../../server/auth/scope.ts';

describe('passwords (scrypt)', () => {
  it('verifies the right password only, with a fresh salt each time', async () => {
    const a = await hashPassword('demo1234');
    const b = await hashPassword('demo1234');
    expect(a).not.toBe(b);
    expect(await verifyPassword('demo1234', a)).toBe(true);
    expect(await verifyPassword('demo12345', a)).toBe(false);
    expect(await verifyPassword('demo1234', 'plain-text')).toBe(false);
  });
});

describe('unit scope: a role reaches its unit subtree', () => {
  const units = [
    { id: 1, parentId: null },
    { id: 2, parentId: 1 },
    { id: 3, parentId: 1 },
    { id: 4, parentId: 3 },
    { id: 5, parentId: null },
  ];
  it.each([
    [1, [1, 2, 3, 4]],
    [3, [3, 4]],
    [4, [4]],
    [5, [5]],
  ])('unit %i reaches %j', (root, expected) => {
    expect([...subtree(units, root)].sort()).toEqual(expected);
  });
});

describe('unit ancestry (for inherited flows and rule sets)', () => {
  it('lists a unit and its ancestors, nearest first', async () => {
    const { ancestry } = await import('../../server/auth/scope.ts');
    const units = [
      { id: 1, parentId: null },
      { id: 3, parentId: 1 },
      { id: 4, parentId: 3 },
    ];
    expect(ancestry(units, 4)).toEqual([4, 3, 1]);
    expect(ancestry(units, 1)).toEqual([1]);
  });
});
