import type { KbCategory } from '../../api/kb.ts';

export interface CategoryNode extends KbCategory {
  depth: number;
}

/** The flat category list as a depth-first tree (children after their parent, by position then name). */
export function flattenTree(categories: readonly KbCategory[]): CategoryNode[] {
  const byParent = new Map<number | null, KbCategory[]>();
  const ids = new Set(categories.map((c) => c.id));
  for (const c of categories) {
    // A category whose parent the reader cannot see is shown at the top level.
    const parent = c.parentId !== null && ids.has(c.parentId) ? c.parentId : null;
    byParent.set(parent, [...(byParent.get(parent) ?? []), c]);
  }
  const out: CategoryNode[] = [];
  const visit = (parent: number | null, depth: number) => {
    const children = [...(byParent.get(parent) ?? [])].sort(
      (a, b) => a.position - b.position || a.name.localeCompare(b.name),
    );
    for (const child of children) {
      out.push({ ...child, depth });
      visit(child.id, depth + 1);
    }
  };
  visit(null, 0);
  return out;
}

/** Where a `::name` being typed starts and what has been typed after `::`; null when not typing one. */
export function findCannedTrigger(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const match = /(^|\s)::([\p{L}\p{N}_.-]*)$/u.exec(before);
  if (!match) return null;
  return { start: before.length - match[2].length - 2, query: match[2] };
}

/** Plain text of an HTML fragment for the plain-text reply box: paragraphs and line breaks kept. */
export function htmlToPlainText(html: string): string {
  const doc = new DOMParser().parseFromString(
    html.replace(/<br\s*\/?>/gi, '\n').replace(/<\/(p|div|li|h\d)>/gi, '\n\n'),
    'text/html',
  );
  return (doc.body.textContent ?? '').replace(/\n{3,}/g, '\n\n').trim();
}

/** Article slug-like text for a category name: lower-case, dashes. */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
}
