import type { DocContext } from '../../core/context.js';
import type { Edit, MappedText } from '../../core/provenance/mapped-text.js';
import type { EmphasisSpan } from '../types.js';

export interface MarkupResult {
  edits: Edit[];
  /** emphasis spans in the coordinates of the text before removal: [open end, close start) */
  spans: Array<{ start: number; end: number }>;
  /** markers left without a partner */
  strays: Array<{ start: number; end: number }>;
}

/** Longest stretch one pair of ** may span: further apart, the opener is a stray. */
export const MAX_EMPHASIS = 400;
const SUBSCRIPT_MARKUP = /\s*_\{([^{}\n]{1,12})\}\s?/g;

/**
 * `**bold**` markers (paired in order within a block or across a few line breaks (a title over three lines)) and `_{x}`
 * subscript markup left by converters. Markers are removed; emphasis spans are kept.
 */
export function markupEdits(text: string): MarkupResult {
  const edits: Edit[] = [];
  const spans: MarkupResult['spans'] = [];
  const strays: MarkupResult['strays'] = [];
  const markers: number[] = [];
  for (let i = text.indexOf('**'); i !== -1; i = text.indexOf('**', i + 2)) {
    // a run of more than two stars is not bold markup
    if (text[i + 2] === '*') {
      let j = i;
      while (text[j] === '*') j++;
      i = j - 2;
      continue;
    }
    markers.push(i);
  }
  let k = 0;
  while (k < markers.length) {
    const open = markers[k];
    const close = markers[k + 1];
    const between = close === undefined ? '' : text.slice(open + 2, close);
    const breaks = (between.match(/\n/g) ?? []).length;
    if (close !== undefined && between.length > 0 && between.length <= MAX_EMPHASIS && breaks <= 3) {
      edits.push({ start: open, end: open + 2, replacement: '', rule: 'markup/bold', kind: 'removal' });
      edits.push({ start: close, end: close + 2, replacement: '', rule: 'markup/bold', kind: 'removal' });
      spans.push({ start: open + 2, end: close });
      k += 2;
    } else {
      edits.push({ start: open, end: open + 2, replacement: '', rule: 'markup/bold-stray', kind: 'removal' });
      strays.push({ start: open, end: open + 2 });
      k += 1;
    }
  }
  for (const m of text.includes('_{') ? text.matchAll(SUBSCRIPT_MARKUP) : []) {
    const inner = m[1];
    const open = m[0].indexOf('_{');
    edits.push({ start: m.index, end: m.index + open + 2, replacement: '', rule: 'markup/subscript', kind: 'removal' });
    const closeAt = m.index + open + 2 + inner.length;
    edits.push({ start: closeAt, end: m.index + m[0].length, replacement: '', rule: 'markup/subscript', kind: 'removal' });
  }
  return { edits, spans, strays };
}

export interface MarkupOutput {
  text: MappedText;
  emphasis: EmphasisSpan[];
}

/**
 * Map sorted offsets in the text before the edits to the text after them, in one merge pass over
 * the sorted, non-overlapping edits (an offset inside a removed span maps to the span's start).
 */
function shiftAll(edits: readonly Edit[], offsets: readonly number[]): number[] {
  const out: number[] = [];
  let k = 0;
  let delta = 0;
  for (const offset of offsets) {
    while (k < edits.length && edits[k].end <= offset) {
      delta += edits[k].replacement.length - (edits[k].end - edits[k].start);
      k++;
    }
    const e = edits[k];
    out.push(e !== undefined && e.start < offset ? e.start + delta : offset + delta);
  }
  return out;
}

export function removeMarkup(mt: MappedText, doc: DocContext): MarkupOutput {
  const { edits, spans, strays } = markupEdits(mt.text);
  for (const s of strays) {
    const a = mt.starts[s.start];
    doc.report('warning', 'stray-bold-marker', 'a ** marker without a partner was removed', doc.span(a, a + 2));
  }
  const sorted = [...edits].sort((x, y) => x.start - y.start);
  // spans come in text order and do not overlap, so their starts and ends are sorted together
  const mapped = shiftAll(sorted, spans.flatMap((x) => [x.start, x.end]));
  const emphasis = spans.map((_, k) => ({ start: mapped[2 * k], end: mapped[2 * k + 1] })).filter((x) => x.end > x.start);
  return { text: doc.edit(mt, edits), emphasis };
}
