import type { HeadingKind } from '../../schemas/document.js';

/** Outline order of heading kinds in Chinese official documents: 篇 > 章 > 节 > 一、 > （一） > 1. > （1）. */
export const KIND_RANK: Record<HeadingKind, number> = {
  part: 1,
  chapter: 2,
  section: 3,
  'cn-enum': 4,
  'cn-paren-enum': 5,
  'arabic-enum': 6,
  'arabic-paren-enum': 7,
  preface: 0,
  other: 8,
};

export interface Nestable {
  kind: HeadingKind;
  depth: number;
  children: Nestable[];
}

/**
 * Nest headings by the ranks the document actually uses: a heading closes every open heading of the
 * same or lower rank. A preface ranks with the document's top-level kind.
 */
export function nest<T extends Nestable>(headings: T[]): T[] {
  // no spread: a document may have any number of headings
  const top = headings.reduce((m, h) => (h.kind === 'preface' ? m : Math.min(m, KIND_RANK[h.kind])), Infinity);
  const rank = (h: T): number => (h.kind === 'preface' ? (top === Infinity ? 1 : top) : KIND_RANK[h.kind]);
  const roots: T[] = [];
  const stack: T[] = [];
  for (const h of headings) {
    while (stack.length > 0 && rank(stack[stack.length - 1]) >= rank(h)) stack.pop();
    h.depth = stack.length + 1;
    if (stack.length === 0) roots.push(h);
    else stack[stack.length - 1].children.push(h);
    stack.push(h);
  }
  return roots;
}
