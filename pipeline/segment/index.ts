import type { DocContext } from '../../core/context.js';
import type { Meta, TocEntry } from '../../schemas/document.js';
import type { SourceSpan } from '../../schemas/source.js';
import type { Normalized, Region, Segmented } from '../types.js';
import { ClaimedBlocks } from './claims.js';
import { findToc, checkToc } from './toc.js';
import { findFrontMatter } from './front-matter.js';
import { findTableRegions, toTableRegion, type TableRegionBlocks } from './table-regions.js';
import { findBoxes, toBox, type BoxRegion } from './boxes.js';
import { layoutRegions, reportOrphanCaptions } from './layout-regions.js';
import { ParagraphMaker, numberParagraphs, type Draft } from './paragraphs.js';
import { walkHeadings, type WalkResult } from './walk.js';
import { checkNumbering } from './numbering.js';
import { buildMeta } from './meta.js';
import { printedLines } from './meta/hit.js';
import { rawRange } from '../../core/provenance/mapped-text.js';

/** What the passes build up, in the order they run. */
class SegmentState {
  readonly claims: ClaimedBlocks;
  readonly paragraphs: ParagraphMaker;
  toc: TocEntry[] = [];
  front: { paragraphs: Draft[]; source: SourceSpan; blocks: Normalized['blocks'] } | null = null;
  readonly tables = new Map<number, TableRegionBlocks>();
  readonly boxes = new Map<number, BoxRegion>();
  walk: WalkResult | null = null;
  meta: Meta | null = null;

  constructor(
    readonly norm: Normalized,
    doc: DocContext,
  ) {
    this.claims = new ClaimedBlocks(norm.blocks);
    this.paragraphs = new ParagraphMaker(norm.text, doc);
  }

  walked(): WalkResult {
    if (!this.walk) throw new Error('segment: the heading walk has not run');
    return this.walk;
  }
}

type Pass = (s: SegmentState, doc: DocContext) => void;

/** The table of contents (kept as meta.toc; its title is a logged removal), claimed so it is never read as headings. */
const tableOfContents: Pass = (s, doc) => {
  for (const r of findToc(s.claims.blocks)) {
    s.claims.claim({ kind: 'toc', start: r.start, end: r.end });
    if (r.title) doc.remove('toc/title', r.title.rawStart, r.title.rawEnd);
    for (const e of r.entries) s.toc.push({ kind: e.kind, marker: e.marker, title: e.title, page: e.page, source: doc.span(e.block.rawStart, e.block.rawEnd), sectionId: null });
  }
};

/** An issuing notice in front of the document. */
const frontMatter: Pass = (s, doc) => {
  const fm = findFrontMatter(s.claims.blocks, s.claims.firstUnclaimed());
  if (!fm) return;
  s.claims.claim({ kind: 'front-matter', start: fm.start, end: fm.end });
  const fb = s.claims.blocks.slice(fm.start, fm.end);
  s.front = { paragraphs: fb.map((b) => s.paragraphs.make(b, 'paragraph')), source: doc.span(fb[0].rawStart, fb[fb.length - 1].rawEnd), blocks: fb };
};

/** Tables and 专栏 the input drew (a PDF's ruled grids and frames, a .docx or HTML table): claimed from the layout first. */
const drawn: Pass = (s) => {
  const found = layoutRegions(s.claims.blocks, s.norm.layout, s.claims);
  for (const t of found.tables) {
    s.claims.claim({ kind: 'table', start: t.start, end: t.end });
    s.tables.set(t.start, t);
  }
  for (const r of found.boxes) {
    s.claims.claim({ kind: 'box', start: r.start, end: r.end });
    s.boxes.set(r.start, r);
  }
};

/** Tables: a caption or title line, the rows of the body, the notes under it. */
const tables: Pass = (s) => {
  for (const t of findTableRegions(s.claims.blocks, s.claims)) {
    s.claims.claim({ kind: 'table', start: t.start, end: t.end });
    s.tables.set(t.start, t);
  }
};

/** 专栏 boxes: the marker line and the entries under it. */
const boxes: Pass = (s) => {
  for (const r of findBoxes(s.claims.blocks, s.claims, s.norm.wrap)) {
    s.claims.claim({ kind: 'box', start: r.start, end: r.end });
    s.boxes.set(r.start, r);
  }
};

/** Headings, paragraphs and figure captions, with the claimed tables and boxes placed in their sections. */
const headingWalk: Pass = (s, doc) => {
  s.walk = walkHeadings({
    claims: s.claims,
    tables: s.tables,
    boxes: s.boxes,
    paragraphs: s.paragraphs,
    makeTable: (t, id, sectionId) => toTableRegion(t, id, sectionId, s.norm.chars, doc),
    makeBox: (r, id, sectionId) => toBox(r, id, sectionId, s.paragraphs, doc),
  });
};

/** A numbered caption (表N …) or a 主要指标 title with no table after it: a warning, never a silent paragraph. */
const orphanCaptions: Pass = (s, doc) => reportOrphanCaptions(s.claims.blocks, new Set(s.tables.keys()), s.claims, doc);

/** Gaps and repeats in the headings' numbering. */
const numbering: Pass = (s, doc) => checkNumbering(s.walked().sections, doc);

/** The table of contents against the headings. */
const tocCheck: Pass = (s, doc) => checkToc(s.toc, s.walked().headings, doc);

const NO_REGION: Region = { province: null, city: null, county: null, code: null };

/** Title, type, region, period, date, speaker and issuer. */
const metadata: Pass = (s, doc) => {
  const w = s.walked();
  const chars = s.norm.chars;
  s.meta = buildMeta(
    {
      cover: w.cover,
      front: s.front?.blocks ?? [],
      leadParagraphs: [...w.lead, ...(w.sections[0]?.paragraphs ?? [])],
      toc: s.toc,
      region: s.norm.subject ?? NO_REGION,
      closing: s.norm.blocks.slice(-6),
      // the lines as printed, before unwrapping joined them: opening formulas, date and session lines
      lines: printedLines(chars.text, (o) => rawRange(chars, o, o)[0]),
      locate: (a, b) => doc.span(...rawRange(chars, a, b)),
      // a title read outside the text (a scraper's 标题 field, Markdown front matter), for a text that has none
      fallbackTitle: s.norm.sourceFields['标题'] ?? s.norm.sourceFields.title ?? null,
    },
    doc,
  );
};

/** The passes, in order: each claims blocks the later ones step over. */
const PASSES: ReadonlyArray<readonly [rule: string, pass: Pass]> = [
  ['toc', tableOfContents],
  ['front-matter', frontMatter],
  ['drawn', drawn],
  ['tables', tables],
  ['boxes', boxes],
  ['headings', headingWalk],
  ['orphan-captions', orphanCaptions],
  ['numbering', numbering],
  ['toc-check', tocCheck],
  ['metadata', metadata],
];

/** segment: the normalized blocks → heading tree, paragraphs, boxes, figures, table regions and metadata. */
export function segment(norm: Normalized, doc: DocContext): Segmented {
  const s = new SegmentState(norm, doc);
  for (const [rule, pass] of PASSES) doc.step('segment', rule, () => pass(s, doc));
  const w = s.walked();
  const { frontMatter, paragraphs, sections } = numberParagraphs(s.front, w.lead, w.sections);
  if (!s.meta) throw new Error('segment: metadata has not run');
  return { meta: s.meta, frontMatter, paragraphs, sections, boxes: w.boxes, tables: w.tables, figures: w.figures };
}
