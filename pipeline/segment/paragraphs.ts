import type { DocContext } from '../../core/context.js';
import { rawRange, runMap, type MappedText } from '../../core/provenance/index.js';
import type { Block } from '../types.js';
import type { FrontMatter, Paragraph, Section } from '../../schemas/document.js';
import type { SourceSpan } from '../../schemas/source.js';

const SPACE = 0x20;

/** A paragraph before it is numbered: ids are given once the structure is final (numberParagraphs). */
export type Draft = Omit<Paragraph, 'id'>;

/** Paragraphs and spans cut from the normalized text's blocks, each mapped back to the raw text. */
export class ParagraphMaker {
  constructor(
    private readonly mt: MappedText,
    private readonly doc: DocContext,
  ) {}

  /** Raw span of the normalized range [a, b). */
  span(a: number, b: number): SourceSpan {
    const [x, y] = rawRange(this.mt, a, b);
    return this.doc.span(x, y);
  }

  /** The block's text [from, to), spaces at both ends trimmed, as a paragraph with its emphasis and run map. */
  make(b: Block, kind: Paragraph['kind'], from = 0, to = b.text.length): Draft {
    let a = from;
    let z = to;
    while (a < z && b.text.charCodeAt(a) === SPACE) a++;
    while (z > a && b.text.charCodeAt(z - 1) === SPACE) z--;
    const emphasis = b.emphasis.length === 0 ? [] : this.emphasisOf(b, a, z);
    return { kind, text: b.text.slice(a, z), emphasis, source: this.span(b.start + a, b.start + z), map: runMap(this.mt, b.start + a, b.start + z) };
  }

  /** The block's emphasis within [a, z), relative to a. */
  private emphasisOf(b: Block, a: number, z: number): Draft['emphasis'] {
    return b.emphasis
      .filter((e) => e.end > a && e.start < z)
      .map((e) => {
        const s = Math.max(e.start, a);
        const t = Math.min(e.end, z);
        return { start: s - a, end: t - a, text: b.text.slice(s, t), source: this.span(b.start + s, b.start + t) };
      });
  }

  /** One paragraph from two that a box or table cut apart. */
  join(a: Draft, b: Draft): Draft {
    return {
      kind: a.kind,
      text: a.text + b.text,
      emphasis: [...a.emphasis, ...b.emphasis.map((e) => ({ ...e, start: e.start + a.text.length, end: e.end + a.text.length }))],
      source: this.doc.span(a.source.offset, b.source.endOffset),
      map: [...a.map, ...b.map.map(([t, o]): [number, number] => [t + a.text.length, o])],
    };
  }
}

/** A section whose paragraphs are still drafts. */
export interface DraftSection extends Omit<Section, 'paragraphs' | 'children'> {
  paragraphs: Draft[];
  children: DraftSection[];
}

/**
 * Number every paragraph in document order (front matter, the paragraphs before the first heading,
 * then each section's own paragraphs before its children's): p-1, p-2, …
 */
export function numberParagraphs(
  front: { paragraphs: Draft[]; source: SourceSpan } | null,
  lead: Draft[],
  roots: DraftSection[],
): { frontMatter: FrontMatter | null; paragraphs: Paragraph[]; sections: Section[] } {
  let n = 0;
  const number = (ps: Draft[]): Paragraph[] => ps.map((p) => ({ id: `p-${++n}`, ...p }));
  const frontMatter = front ? { paragraphs: number(front.paragraphs), source: front.source } : null;
  const paragraphs = number(lead);
  const walk = (s: DraftSection): Section => {
    const own = number(s.paragraphs);
    return { ...s, paragraphs: own, children: s.children.map(walk) };
  };
  return { frontMatter, paragraphs, sections: roots.map(walk) };
}
