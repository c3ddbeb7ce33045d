import type { Block } from '../types.js';
import type { DocContext } from '../../core/context.js';
import type { HeadingKind, TocEntry } from '../../schemas/document.js';
import { matchMarker } from '../../core/text/markers.js';

export interface TocLine {
  block: Block;
  kind: HeadingKind;
  marker: string;
  title: string;
  page: number | null;
}

export interface TocRegion {
  /** block indices [start, end) of the whole table of contents, title included */
  start: number;
  end: number;
  title: Block | null;
  entries: TocLine[];
}

const LEADER = /\s*(?:\.{2,}|…{2,}|·{3,}|-{4,}|_{4,})\s*(\d{1,4})\s*$/;

export function parseTocLine(block: Block): TocLine | null {
  const m = LEADER.exec(block.text);
  if (!m) return null;
  const head = block.text.slice(0, m.index).trim();
  const marker = matchMarker(head);
  if (marker) {
    return { block, kind: marker.kind, marker: marker.kind === 'preface' ? '' : marker.marker, title: marker.kind === 'preface' ? head.replace(/\s+/g, '') : marker.rest.trim(), page: Number(m[1]) };
  }
  return { block, kind: 'other', marker: '', title: head, page: Number(m[1]) };
}

/** Tables of contents: a 目录 title followed by leader-dotted entries, or a run of at least three such entries. */
export function findToc(blocks: readonly Block[]): TocRegion[] {
  const regions: TocRegion[] = [];
  let i = 0;
  while (i < blocks.length) {
    const title = blocks[i].kind === 'toc-title' ? blocks[i] : null;
    let j = title ? i + 1 : i;
    const entries: TocLine[] = [];
    while (j < blocks.length && blocks[j].kind === 'toc-entry') {
      const e = parseTocLine(blocks[j]);
      if (e) entries.push(e);
      j++;
    }
    if (title && entries.length === 0) {
      const bare = bareEntries(blocks, j);
      entries.push(...bare);
      j += bare.length;
    }
    if ((title && entries.length > 0) || entries.length >= 3) {
      regions.push({ start: i, end: j, title, entries });
      i = j;
    } else {
      i++;
    }
  }
  return regions;
}

/** Match table-of-contents entries to headings (setting each entry's sectionId); warn where an entry has no heading or titles differ. */
export function checkToc(toc: TocEntry[], headings: ReadonlyArray<{ id: string; kind: HeadingKind; marker: string; ordinal: number | null; title: string }>, doc: DocContext): void {
  const squash = (s: string): string => s.replace(/[\s“”"'‘’]/g, '');
  let from = 0;
  for (const e of toc) {
    let found = -1;
    for (let k = from; k < headings.length; k++) {
      const h = headings[k];
      if (h.kind === e.kind && (e.kind === 'preface' || h.ordinal === matchMarker(e.marker)?.ordinal)) {
        found = k;
        break;
      }
    }
    if (found === -1) {
      doc.report('warning', 'toc-mismatch', `table of contents entry ${e.marker}${e.title} has no heading in the text`, e.source);
      continue;
    }
    const h = headings[found];
    e.sectionId = h.id;
    from = found + 1;
    if (e.kind !== 'preface' && squash(h.title) !== squash(e.title)) {
      doc.report('warning', 'toc-mismatch', `table of contents entry ${e.marker}${e.title} differs from heading ${h.marker}${h.title}`, e.source, { actual: h.title, expected: e.title });
    }
  }
}

const squashSpaces = (s: string): string => s.replace(/\s+/g, '');
const TOC_KINDS = new Set<HeadingKind>(['preface', 'part', 'chapter', 'section']);

/**
 * Entries without leaders or page numbers after a 目录 title (序言 / 第一篇… / 第一章…, one per line):
 * at least three heading lines in a row, the first of which the document repeats later as its heading.
 */
function bareEntries(blocks: readonly Block[], from: number): TocLine[] {
  const out: TocLine[] = [];
  for (let j = from; j < blocks.length; j++) {
    const m = matchMarker(blocks[j].text);
    if (!m || !TOC_KINDS.has(m.kind) || blocks[j].kind !== 'heading') break;
    // the text itself starts where the first entry comes again
    if (out.length > 0 && squashSpaces(blocks[j].text) === squashSpaces(out[0].block.text)) break;
    const preface = m.kind === 'preface';
    out.push({ block: blocks[j], kind: m.kind, marker: preface ? '' : m.marker, title: preface ? squashSpaces(blocks[j].text) : m.rest.trim(), page: null });
  }
  if (out.length < 3) return [];
  const first = squashSpaces(out[0].block.text);
  const repeated = blocks.slice(from + out.length).some((b) => squashSpaces(b.text) === first);
  return repeated ? out : [];
}
