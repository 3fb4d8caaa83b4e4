import { describe, it, expect } from 'vitest';
import { treeOrder } from '../../server/services/unit-tree.ts';

describe('units in tree order for a picker', () => {
  it('puts each unit after its parent, siblings by id, with its depth', () => {
    const units = [
      { id: 5, name: '甲县局', parentId: 1 },
      { id: 2, name: '办公室', parentId: 1 },
      { id: 1, name: '市局', parentId: null },
      { id: 7, name: '甲县办公室', parentId: 5 },
    ];
    expect(treeOrder(units).map((u) => [u.name, u.depth])).toEqual([['市局', 0], ['办公室', 1], ['甲县局', 1], ['甲县办公室', 2]]);
  });

  it('treats a unit whose parent is out of reach as a root', () => {
    expect(treeOrder([{ id: 7, name: '甲县办公室', parentId: 5 }, { id: 9, name: '乙县局', parentId: 1 }]).map((u) => u.depth)).toEqual([0, 0]);
  });
});
