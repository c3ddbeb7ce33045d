import type { Block } from '../types.js';
import type { Box, Figure, Section } from '../../schemas/document.js';
import type { TableRegion } from '../types.js';
import type { ClaimedBlocks } from './claims.js';
import type { BoxRegion } from './boxes.js';
import { isTitleLike } from './boxes.js';
import type { TableRegionBlocks } from './table-regions.js';
import { isFigureCaption } from './figures.js';
import { parseHeading, isHeadingContinuation, type HeadingParse } from './headings.js';
import { nest } from './tree.js';
import type { Draft, DraftSection, ParagraphMaker } from './paragraphs.js';
import { displayWidth, endsSentence } from '../../core/text/chars.js';

export interface WalkInput {
  claims: ClaimedBlocks;
  tables: ReadonlyMap<number, TableRegionBlocks>;
  boxes: ReadonlyMap<number, BoxRegion>;
  paragraphs: ParagraphMaker;
  /** a located table, with its rows, under the section it stands in */
  makeTable: (t: TableRegionBlocks, id: string, sectionId: string | null) => TableRegion;
  makeBox: (r: BoxRegion, id: string, sectionId: string | null) => Box;
}

export interface WalkResult {
  /** paragraphs before the first heading */
  lead: Draft[];
  /** the heading tree, nested */
  sections: DraftSection[];
  /** every heading in document order (before nesting) */
  headings: DraftSection[];
  /** blocks before the first heading: the title page */
  cover: Block[];
  boxes: Box[];
  tables: TableRegion[];
  figures: Figure[];
}

const FIGURE_NUMBER = /^图\s*\d+(?:[-.]\d+)?\s*[：:]?\s*/;

/**
 * The heading walk: through the blocks in order, place each claimed table and box under the section
 * it stands in, open a section at each heading (joining a title wrapped onto the next line), and put
 * every other block into the current section as a paragraph or a figure caption.
 */
export function walkHeadings(input: WalkInput): WalkResult {
  const { claims, paragraphs } = input;
  const blocks = claims.blocks;
  const headings: DraftSection[] = [];
  const lead: Draft[] = [];
  const cover: Block[] = [];
  const boxes: Box[] = [];
  const tables: TableRegion[] = [];
  const figures: Figure[] = [];
  let current: DraftSection | null = null;
  /** a box, table or figure was cut out right after the section's last paragraph */
  let interrupted = false;

  const addParagraph = (p: Draft): void => {
    const list = current ? current.paragraphs : lead;
    const last = list[list.length - 1];
    // a paragraph the layout broke around a box or table (…继续开展污染防治行动， [专栏] 建立健全…) is one paragraph
    if (interrupted && last && last.kind === 'paragraph' && p.kind === 'paragraph' && !endsSentence(last.text)) list[list.length - 1] = paragraphs.join(last, p);
    else list.push(p);
    interrupted = false;
  };

  const headingOf = (i: number): HeadingParse | null => {
    const b = blocks[i];
    if (b.kind === 'heading') return parseHeading(b);
    if (b.kind === 'list-item' && isTitleLike(b)) {
      // a short numbered line followed by running text is a sub-heading (1. 强化固废收集处理功能)
      const next = blocks[i + 1];
      if (next && next.kind === 'text' && !claims.has(i + 1)) return parseHeading(b);
    }
    return null;
  };

  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    const table = input.tables.get(i);
    if (table) {
      const region = input.makeTable(table, `table-${tables.length + 1}`, current?.id ?? null);
      tables.push(region);
      current?.tables.push(region.id);
      interrupted = true;
      i = table.end - 1;
      continue;
    }
    const box = input.boxes.get(i);
    if (box) {
      const made = input.makeBox(box, `box-${boxes.length + 1}`, current?.id ?? null);
      boxes.push(made);
      current?.boxes.push(made.id);
      interrupted = true;
      i = box.end - 1;
      continue;
    }
    if (claims.has(i)) continue;
    if (isFigureCaption(b)) {
      const f: Figure = { id: `fig-${figures.length + 1}`, title: b.text.replace(FIGURE_NUMBER, ''), sectionId: current?.id ?? null, source: paragraphs.span(b.start, b.end) };
      figures.push(f);
      current?.figures.push(f.id);
      interrupted = true;
      continue;
    }
    const parse = headingOf(i);
    if (parse) {
      let title = parse.title;
      let end = b.start + parse.end;
      const next = blocks[i + 1];
      if (!claims.has(i + 1) && isHeadingContinuation(b, parse, next, blocks[i + 2])) {
        // a wrapped title runs on; a motto under a short chapter title stands apart (建设现代经济体系 打造实力湛河)
        const motto = displayWidth(b.text) < 24 && (parse.kind === 'part' || parse.kind === 'chapter' || parse.kind === 'section');
        title += motto ? ` ${next.text}` : next.text;
        end = next.end;
        i++;
      }
      const h: DraftSection = {
        id: `sec-${headings.length + 1}`,
        kind: parse.kind,
        marker: parse.marker,
        ordinal: parse.ordinal,
        title,
        depth: 1,
        source: paragraphs.span(b.start, end),
        paragraphs: [],
        boxes: [],
        tables: [],
        figures: [],
        children: [],
      };
      headings.push(h);
      current = h;
      interrupted = false;
      if (parse.restStart !== null) h.paragraphs.push(paragraphs.make(b, 'paragraph', parse.restStart));
      continue;
    }
    if (!current) cover.push(b);
    addParagraph(paragraphs.make(b, b.kind === 'list-item' ? 'list-item' : 'paragraph'));
  }
  return { lead, sections: nest(headings), headings, cover, boxes, tables, figures };
}
