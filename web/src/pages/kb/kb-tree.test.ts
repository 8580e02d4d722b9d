import { describe, expect, it } from 'vitest';
import { findCannedTrigger, flattenTree, slugify } from './kb-tree.ts';

const cat = (id: number, parentId: number | null, position: number, name = `c${id}`) => ({
  id,
  parentId,
  position,
  name,
  slug: name,
  visibility: 'public' as const,
});

describe('flattenTree', () => {
  it('puts children after their parent with depth, ordered by position', () => {
    const tree = flattenTree([cat(1, null, 1), cat(2, null, 0), cat(3, 1, 0), cat(4, 3, 0)]);
    expect(tree.map((n) => [n.id, n.depth])).toEqual([
      [2, 0],
      [1, 0],
      [3, 1],
      [4, 2],
    ]);
  });

  it('shows a category whose parent is not visible at the top', () => {
    expect(flattenTree([cat(5, 99, 0)]).map((n) => n.depth)).toEqual([0]);
  });
});

describe('findCannedTrigger', () => {
  it('finds ::name at the caret at the start or after a space', () => {
    expect(findCannedTrigger('::hel', 5)).toEqual({ start: 0, query: 'hel' });
    expect(findCannedTrigger('Hi ::', 5)).toEqual({ start: 3, query: '' });
    expect(findCannedTrigger('a::b', 4)).toBeNull();
    expect(findCannedTrigger('::hello world', 13)).toBeNull();
  });
});

describe('slugify', () => {
  it('makes a slug from a name', () => {
    expect(slugify('Printers & Scanners')).toBe('printers-scanners');
    expect(slugify('Imprimantă')).toBe('imprimanta');
  });
});
