import type { DocContext } from '../../core/context.js';
import type { Normalized } from '../normalize/index.js';
import type { Block } from '../normalize/blocks.js';
import { rawRange, runMap } from '../../core/provenance/mapped-text.js';
import type { Box, Figure, FrontMatter, Paragraph, Section, TocEntry } from '../../schemas/document.js';
import type { RawRow, TableNote } from '../../schemas/table.js';
import type { SourceSpan } from '../../schemas/source.js';
import { findToc } from './toc.js';
import { findFrontMatter } from './front-matter.js';
import { findTableRegions, type TableRegionBlocks } from './table-regions.js';
import { findBoxes, isTitleLike, type BoxRegion } from './boxes.js';
import { layoutRegions, reportOrphanCaptions } from './layout-regions.js';
import type { Layout } from '../ingest/layout.js';
import { isFigureCaption } from './figures.js';
import { parseHeading, isHeadingContinuation, type HeadingParse } from './headings.js';
import { nest } from './tree.js';
import { matchMarker } from '../../core/text/markers.js';
import { displayWidth, endsSentence } from '../../core/text/chars.js';

/** A table located in the text, before the table stage parses its rows. */
export interface TableRegion {
  id: string;
  number: number | null;
  title: string;
  sectionId: string | null;
  source: SourceSpan;
  notes: TableNote[];
  rawRows: RawRow[];
}

export interface Segmented {
  frontMatter: FrontMatter | null;
  paragraphs: Paragraph[];
  sections: Section[];
  boxes: Box[];
  tables: TableRegion[];
  figures: Figure[];
  toc: TocEntry[];
  /** blocks before the first heading, after any front matter and table of contents (title page lines) */
  cover: Block[];
  /** blocks of the front matter */
  front: Block[];
}

export function segment(norm: Normalized, doc: DocContext, layout?: Layout): Segmented {
  const { blocks, text: mt } = norm;
  const taken = new Set<number>();
  const markTaken = (a: number, b: number): void => {
    for (let k = a; k < b; k++) taken.add(k);
  };

  let paragraphCount = 0;
  const spanOf = (a: number, b: number): SourceSpan => {
    const [x, y] = rawRange(mt, a, b);
    return doc.span(x, y);
  };
  const makeParagraph = (b: Block, kind: Paragraph['kind'], from = 0, to = b.text.length): Paragraph => {
    let a = from;
    let z = to;
    while (a < z && b.text[a] === ' ') a++;
    while (z > a && b.text[z - 1] === ' ') z--;
    const emphasis = b.emphasis
      .filter((e) => e.end > a && e.start < z)
      .map((e) => {
        const s = Math.max(e.start, a);
        const t = Math.min(e.end, z);
        return { start: s - a, end: t - a, text: b.text.slice(s, t), source: spanOf(b.start + s, b.start + t) };
      });
    return { id: `p-${++paragraphCount}`, kind, text: b.text.slice(a, z), emphasis, source: spanOf(b.start + a, b.start + z), map: runMap(mt, b.start + a, b.start + z) };
  };

  // table of contents
  const toc: TocEntry[] = [];
  const tocRegions = findToc(blocks);
  for (const r of tocRegions) {
    markTaken(r.start, r.end);
    if (r.title) {
      doc.remove('segment', 'toc/title', r.title.rawStart, r.title.rawEnd);
    }
    for (const e of r.entries) {
      toc.push({ kind: e.kind, marker: e.marker, title: e.title, page: e.page, source: doc.span(e.block.rawStart, e.block.rawEnd), sectionId: null });
    }
  }

  // front matter: an issuing notice before the document
  let frontMatter: FrontMatter | null = null;
  const front: Block[] = [];
  const firstFree = (() => {
    let k = 0;
    while (k < blocks.length && taken.has(k)) k++;
    return k;
  })();
  const fm = findFrontMatter(blocks, firstFree);
  if (fm) {
    markTaken(fm.start, fm.end);
    const fb = blocks.slice(fm.start, fm.end);
    front.push(...fb);
    frontMatter = { paragraphs: fb.map((b) => makeParagraph(b, 'paragraph')), source: doc.span(fb[0].rawStart, fb[fb.length - 1].rawEnd) };
  }

  const drawn = layoutRegions(blocks, layout, taken);
  for (const r of [...drawn.tables, ...drawn.boxes]) markTaken(r.start, r.end);
  const tableRegions = [...drawn.tables, ...findTableRegions(blocks, taken)];
  const tableAt = new Map<number, TableRegionBlocks>();
  for (const t of tableRegions) {
    markTaken(t.start, t.end);
    tableAt.set(t.start, t);
  }
  const boxRegions = [...drawn.boxes, ...findBoxes(blocks, taken, norm.wrap)];
  const boxAt = new Map<number, BoxRegion>();
  for (const r of boxRegions) {
    markTaken(r.start, r.end);
    boxAt.set(r.start, r);
  }

  // walk the flow
  interface Open extends Section {
    children: Open[];
  }
  const headings: Open[] = [];
  const topParagraphs: Paragraph[] = [];
  const cover: Block[] = [];
  const boxes: Box[] = [];
  const tables: TableRegion[] = [];
  const figures: Figure[] = [];
  let current: Open | null = null;
  let sectionCount = 0;
  /** a box, table or figure was cut out right after the section's last paragraph */
  let interrupted = false;
  const addParagraph = (p: Paragraph): void => {
    const list = current ? current.paragraphs : topParagraphs;
    const last = list[list.length - 1];
    // a paragraph the layout broke around a box or table (…继续开展污染防治行动， [专栏] 建立健全…) is one paragraph
    if (interrupted && last && last.kind === 'paragraph' && p.kind === 'paragraph' && !endsSentence(last.text)) {
      list[list.length - 1] = joinParagraphs(last, p);
      paragraphCount--;
    } else {
      list.push(p);
    }
    interrupted = false;
  };
  const joinParagraphs = (a: Paragraph, b: Paragraph): Paragraph => ({
    id: a.id,
    kind: a.kind,
    text: a.text + b.text,
    emphasis: [...a.emphasis, ...b.emphasis.map((e) => ({ ...e, start: e.start + a.text.length, end: e.end + a.text.length }))],
    source: doc.span(a.source.offset, b.source.endOffset),
    map: [...a.map, ...b.map.map(([t, o]): [number, number] => [t + a.text.length, o])],
  });

  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    const table = tableAt.get(i);
    if (table) {
      const region = tableRegion(table, `table-${tables.length + 1}`, current?.id ?? null);
      tables.push(region);
      current?.tables.push(region.id);
      interrupted = true;
      i = table.end - 1;
      continue;
    }
    const box = boxAt.get(i);
    if (box) {
      const made = makeBox(box, `box-${boxes.length + 1}`, current?.id ?? null);
      boxes.push(made);
      current?.boxes.push(made.id);
      interrupted = true;
      i = box.end - 1;
      continue;
    }
    if (taken.has(i)) continue;
    if (isFigureCaption(b)) {
      const f: Figure = { id: `fig-${figures.length + 1}`, title: b.text.replace(/^图\s*\d+(?:[-.]\d+)?\s*[：:]?\s*/, ''), sectionId: current?.id ?? null, source: doc.span(b.rawStart, b.rawEnd) };
      figures.push(f);
      current?.figures.push(f.id);
      interrupted = true;
      continue;
    }
    const parse = headingOf(blocks, i);
    if (parse) {
      let title = parse.title;
      let end = b.start + parse.end;
      const next = blocks[i + 1];
      if (!taken.has(i + 1) && isHeadingContinuation(b, parse, next, blocks[i + 2])) {
        // a wrapped title runs on; a motto under a short chapter title stands apart (建设现代经济体系 打造实力湛河)
        title += displayWidth(b.text) < 24 ? ` ${next.text}` : next.text;
        end = next.end;
        i++;
      }
      const h: Open = {
        id: `sec-${++sectionCount}`,
        kind: parse.kind,
        marker: parse.marker,
        ordinal: parse.ordinal,
        title,
        depth: 1,
        source: spanOf(b.start, end),
        paragraphs: [],
        boxes: [],
        tables: [],
        figures: [],
        children: [],
      };
      headings.push(h);
      current = h;
      interrupted = false;
      if (parse.restStart !== null) h.paragraphs.push(makeParagraph(b, 'paragraph', parse.restStart));
      continue;
    }
    if (!current) cover.push(b);
    addParagraph(makeParagraph(b, b.kind === 'list-item' ? 'list-item' : 'paragraph'));
  }

  reportOrphanCaptions(blocks, new Set(tableAt.keys()), taken, doc);
  const sections = nest(headings);
  checkNumbering(sections, doc);
  matchToc(toc, headings, doc);
  return { frontMatter, paragraphs: topParagraphs, sections, boxes, tables, figures, toc, cover, front };

  function headingOf(all: readonly Block[], i: number): HeadingParse | null {
    const b = all[i];
    if (b.kind === 'heading') return parseHeading(b);
    if (b.kind === 'list-item' && isTitleLike(b)) {
      // a short numbered line followed by running text is a sub-heading (1. 强化固废收集处理功能)
      const next = all[i + 1];
      if (next && next.kind === 'text' && !taken.has(i + 1)) return parseHeading(b);
    }
    return null;
  }

  function tableRegion(t: TableRegionBlocks, id: string, sectionId: string | null): TableRegion {
    const rawRows: RawRow[] = [];
    for (const b of t.body) rawRows.push(...rowsOf(b));
    const last = t.notes.length > 0 ? t.notes[t.notes.length - 1] : t.body[t.body.length - 1];
    return {
      id,
      number: t.number,
      title: t.title,
      sectionId,
      source: doc.span(t.caption.rawStart, last.rawEnd),
      notes: t.notes.map((n) => ({ text: n.text, source: doc.span(n.rawStart, n.rawEnd) })),
      rawRows,
    };
  }

  /**
   * The raw lines of a block, each with its text after character normalization but with the line's
   * own spacing and tabs as printed (a space can be a cell boundary): the table parser's input.
   */
  function rowsOf(b: Block): RawRow[] {
    const rows: RawRow[] = [];
    const cm = norm.chars;
    for (let line = b.firstLine; line <= b.lastLine; line++) {
      const lineStart = doc.lines.starts[line - 1];
      const lineEnd = doc.lines.lineEnd(line);
      let a = lowerBound(cm.starts, lineStart);
      let z = lowerBound(cm.starts, lineEnd);
      while (a < z && /[ \t\n]/.test(cm.text[a]) && cm.text[a] !== '\t') a++;
      while (z > a && /[ \t\n]/.test(cm.text[z - 1])) z--;
      if (z <= a) continue;
      const [rs, re] = rawRange(cm, a, z);
      rows.push({ text: cm.text.slice(a, z), raw: doc.lines.lineText(line), source: doc.span(rs, re), map: runMap(cm, a, z) });
    }
    return rows;
  }

  function makeBox(r: BoxRegion, id: string, sectionId: string | null): Box {
    const items = r.body.map((b) => {
      const m = matchMarker(b.text);
      const numbered = m !== null && m.kind !== 'preface' && b.kind === 'list-item';
      const rest = numbered ? b.text.slice(m.length) : b.text;
      const offset = numbered ? m.length : 0;
      const stop = /[。：:]/.exec(rest);
      // a lead phrase is a title only when text follows it (（1）新建幼儿园3所。 is all text)
      const hasTitle = stop !== null && stop.index > 0 && stop.index <= 30 && rest.slice(stop.index + 1).trim().length > 0;
      const title = hasTitle ? rest.slice(0, stop.index) : null;
      const text = hasTitle ? rest.slice(stop.index + 1) : rest;
      return { ordinal: numbered ? m.ordinal : null, title, text: text.trim(), source: spanOf(b.start + (numbered ? 0 : offset), b.end) };
    });
    const last = r.body.length > 0 ? r.body[r.body.length - 1] : r.marker;
    return { id, title: r.title, sectionId, source: doc.span(r.marker.rawStart, last.rawEnd), items, text: r.body.map((b) => b.text).join('\n') };
  }
}

/** First index whose value is at least `x` in a non-decreasing array. */
function lowerBound(xs: Int32Array, x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Warn on gaps and repeats in numbering: chapters and parts count through the document, the rest restart under their parent. */
function checkNumbering(roots: readonly Section[], doc: DocContext): void {
  const global = new Map<string, Section>();
  const visit = (siblings: readonly Section[]): void => {
    const last = new Map<string, Section>();
    for (const s of siblings) {
      if (s.ordinal !== null && s.kind !== 'preface' && s.kind !== 'other') {
        const scope = s.kind === 'part' || s.kind === 'chapter' ? global : last;
        const prev = scope.get(s.kind);
        const expected = prev?.ordinal != null ? prev.ordinal + 1 : 1;
        if (s.ordinal !== expected) {
          const code = prev && s.ordinal === prev.ordinal ? 'numbering-repeat' : 'numbering-gap';
          doc.report('segment', 'warning', code, `${s.marker}${s.title}: expected number ${expected} after ${prev ? prev.marker : 'the start'}`, s.source, { actual: String(s.ordinal), expected: String(expected) });
        }
        scope.set(s.kind, s);
      }
      visit(s.children);
    }
  };
  visit(roots);
}

/** Match table-of-contents entries to headings; warn where an entry has no heading or titles differ. */
function matchToc(toc: TocEntry[], headings: readonly Section[], doc: DocContext): void {
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
      doc.report('segment', 'warning', 'toc-mismatch', `table of contents entry ${e.marker}${e.title} has no heading in the text`, e.source);
      continue;
    }
    const h = headings[found];
    e.sectionId = h.id;
    from = found + 1;
    if (e.kind !== 'preface' && squash(h.title) !== squash(e.title)) {
      doc.report('segment', 'warning', 'toc-mismatch', `table of contents entry ${e.marker}${e.title} differs from heading ${h.marker}${h.title}`, e.source, { actual: h.title, expected: e.title });
    }
  }
}
