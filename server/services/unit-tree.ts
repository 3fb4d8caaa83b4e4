export interface TreeUnit {
  id: number;
  name: string;
  parentId: number | null;
}

/**
 * Units in tree order (each unit followed by its children, siblings by id) with their depth below the topmost unit
 * given, for pickers that indent them. Units whose parent is not in the list are roots.
 */
export function treeOrder<T extends TreeUnit>(units: T[]): Array<T & { depth: number }> {
  const ids = new Set(units.map((u) => u.id));
  const children = new Map<number | null, T[]>();
  for (const unit of [...units].sort((a, b) => a.id - b.id)) {
    const parent = unit.parentId !== null && ids.has(unit.parentId) ? unit.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), unit]);
  }
  const ordered: Array<T & { depth: number }> = [];
  const visit = (parent: number | null, depth: number) => {
    for (const unit of children.get(parent) ?? []) {
      ordered.push({ ...unit, depth });
      visit(unit.id, depth + 1);
    }
  };
  visit(null, 0);
  return ordered;
}
