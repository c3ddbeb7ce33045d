import type { Block } from '../types.js';
import type { HeadingKind } from '../../schemas/document.js';
import { matchMarker } from '../../core/text/markers.js';
import { displayWidth } from '../../core/text/chars.js';

export interface HeadingParse {
  kind: HeadingKind;
  marker: string;
  ordinal: number | null;
  title: string;
  /** offsets in the block text: title [titleStart, titleEnd), run-in paragraph from restStart (or null) */
  titleStart: number;
  titleEnd: number;
  /** end of the heading's own text: the title plus the stop that ends it */
  end: number;
  restStart: number | null;
}

/** Longest title a run-in heading may have before its first stop. */
const RUN_IN_TITLE = 60;

/**
 * Parse a heading line. A heading run into its paragraph (（一）坚持稳中求进，经济发展呈现逆势增长。到…)
 * ends its title at the first full stop or colon; the rest is the first paragraph.
 */
export function parseHeading(b: Block): HeadingParse | null {
  const m = matchMarker(b.text);
  if (!m) return null;
  const titleStart = m.length;
  const rest = b.text.slice(titleStart);
  if (m.kind === 'preface') {
    return { kind: 'preface', marker: '', ordinal: null, title: m.marker, titleStart: 0, titleEnd: b.text.length, end: b.text.length, restStart: null };
  }
  const stop = /[。：:！？；]/.exec(rest);
  if (stop && stop.index > 0 && stop.index <= RUN_IN_TITLE) {
    const after = titleStart + stop.index + 1;
    const hasRest = b.text.slice(after).trim().length > 0;
    return { kind: m.kind, marker: m.marker, ordinal: m.ordinal, title: rest.slice(0, stop.index).trim(), titleStart, titleEnd: titleStart + stop.index, end: after, restStart: hasRest ? after : null };
  }
  if (stop && stop.index > RUN_IN_TITLE) return null;
  return { kind: m.kind, marker: m.marker, ordinal: m.ordinal, title: rest.trim(), titleStart, titleEnd: b.text.length, end: b.text.length, restStart: null };
}

/**
 * A heading printed over two lines (第一章 开启全面建设社会主义现代化 / 湛河新征程): the second line is short,
 * has no punctuation of its own, and a paragraph follows it.
 */
export function isHeadingContinuation(heading: Block, parse: HeadingParse, next: Block | undefined, after: Block | undefined): boolean {
  if (!next || parse.restStart !== null || next.kind !== 'text') return false;
  if (next.firstLine - heading.lastLine > 2) return false;
  if (/[，。；：！？、]/.test(next.text) || next.text.length > 20 || next.rawLines !== 1) return false;
  if (displayWidth(parse.title) + displayWidth(next.text) > 90) return false;
  // the title so far must read as unfinished (long enough to have been wrapped), or be a chapter-level
  // heading with its motto on the next line (第二章 建设现代经济体系 / 打造实力湛河)
  const topLevel = parse.kind === 'part' || parse.kind === 'chapter' || parse.kind === 'section';
  // a short numbered title cut in two paragraphs (三、持续提升政府 / 治理效能和服务水平) with running text after it
  const cutShort = next.text.length <= 12 && after !== undefined && after.kind === 'text' && displayWidth(after.text) > 40;
  if (displayWidth(heading.text) < 24 && !((topLevel || cutShort) && next.text.length <= 12)) return false;
  return after === undefined || after.kind !== 'text' || displayWidth(after.text) > 40 || after.rawLines > 1;
}
