import type { DocContext } from '../../core/context.js';
import { rawRange, runMap, type MappedText } from '../../core/provenance/index.js';
import type { RawRow } from '../../schemas/table.js';
import type { Block, TableRegion } from '../types.js';
import type { Taken } from './claims.js';
import { matchMarker } from '../../core/text/markers.js';
import { displayWidth } from '../../core/text/chars.js';
import { pushAll } from '../../core/arrays.js';
import { lowerBound } from '../../core/provenance/lower-bound.js';
import { splitRows } from './split-rows.js';
import { BOX_MARKER } from '../../core/text/line-kind.js';

export interface TableRegionBlocks {
  caption: Block;
  number: number | null;
  title: string;
  body: Block[];
  notes: Block[];
  /** block indices [start, end) covered, caption to last note */
  start: number;
  end: number;
}

const NUMBERED_CAPTION = /^附?表\s*(\d{1,3})(?:[-.]\d{1,2})?\s*[：:]?\s*/;
/** An unnumbered table title: a line naming an indicator table or a list, followed by a header row. */
const TITLE_LINE = /(?:指标|指标体系|一览表|情况表|汇总表|计划表|统计表|目标表)(?:（[^）]{1,8}）|\([^)]{1,8}\))?$/;

/** A header row that starts a table without a caption of its own (a 专栏 holding only a table): 分类 序号 指标名称 … */
const HEADER_ROW = /^(?:分类|类别|领域)?\s*序号\s*(?:指标|项目)/;

/**
 * Is the block a table title? Numbered captions always; unnumbered title lines when a row follows;
 * a header row right after a 专栏 marker, titled by the box (the header is then also the first body row).
 */
export function captionOf(blocks: readonly Block[], i: number): { number: number | null; title: string; headerIsCaption?: boolean } | null {
  const b = blocks[i];
  const prev = blocks[i - 1];
  if (b.kind === 'text' && HEADER_ROW.test(b.text) && prev?.kind === 'box-marker' && blocks[i + 1]?.kind === 'table-row') {
    return { number: null, title: prev.text.replace(BOX_MARKER, '').trim(), headerIsCaption: true };
  }
  if (b.kind === 'caption') {
    const m = NUMBERED_CAPTION.exec(b.text);
    return { number: m ? Number(m[1]) : null, title: m ? b.text.slice(m[0].length).trim() : b.text };
  }
  if (b.kind === 'text' && TITLE_LINE.test(b.text) && !/[。；，]/.test(b.text) && displayWidth(b.text) <= 90) {
    const next = blocks[i + 1];
    if (next && (next.kind === 'table-row' || isHeaderLike(next))) return { number: null, title: b.text };
  }
  return null;
}

/** A short line without sentence punctuation: a header cell, a broken-up name, a category. */
function isHeaderLike(b: Block): boolean {
  return displayWidth(b.text) <= 40 && !/[。；！？]/.test(b.text);
}

function isCategoryRow(b: Block): boolean {
  const m = matchMarker(b.text);
  return m !== null && (m.kind === 'cn-enum' || m.kind === 'cn-paren-enum') && displayWidth(b.text) <= 40 && !/[。；，]/.test(b.text);
}

/** Could the block be part of a table body? */
function inBody(b: Block): boolean {
  if (b.kind === 'table-row') return true;
  if (b.kind === 'heading') return isCategoryRow(b);
  if (b.kind === 'text' || b.kind === 'list-item') return isHeaderLike(b) || (b.rawLines === 1 && displayWidth(b.text) <= 60 && !/。/.test(b.text));
  return false;
}

/** Locate tables: caption, body rows (header rows and repeated headers included), and the notes after them. */
export function findTableRegions(blocks: readonly Block[], taken: Taken): TableRegionBlocks[] {
  const regions: TableRegionBlocks[] = [];
  let i = 0;
  while (i < blocks.length) {
    if (taken.has(i)) {
      i++;
      continue;
    }
    const cap = captionOf(blocks, i);
    if (!cap) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < blocks.length && !taken.has(j) && inBody(blocks[j])) j++;
    // rows of the body must include at least one real row
    let end = j;
    // after the last row, a heading or numbered line starts the text again: give it and what follows back
    // (short plain lines after the last row stay: the end of a name wrapped below its cells)
    let lastRow = -1;
    for (let k = i + 1; k < j; k++) if (blocks[k].kind === 'table-row') lastRow = k;
    for (let k = lastRow + 1; k < j && lastRow !== -1; k++) {
      if (blocks[k].kind === 'heading' || blocks[k].kind === 'list-item') {
        end = k;
        break;
      }
    }
    const body = blocks.slice(cap.headerIsCaption ? i : i + 1, end);
    if (!body.some((b) => b.kind === 'table-row')) {
      i++;
      continue;
    }
    const notes: Block[] = [];
    let k = end;
    if (end === j) {
      while (k < blocks.length && !taken.has(k) && blocks[k].kind === 'note') notes.push(blocks[k++]);
    }
    regions.push({ caption: blocks[i], number: cap.number, title: cap.title, body, notes, start: i, end: notes.length > 0 ? k : end });
    i = notes.length > 0 ? k : end;
  }
  return regions;
}

/** A located table as the table stage takes it: caption, notes and the rows of its body, each row mapped back to raw. */
export function toTableRegion(t: TableRegionBlocks, id: string, sectionId: string | null, chars: MappedText, doc: DocContext): TableRegion {
  const rawRows: RawRow[] = [];
  for (const b of t.body) pushAll(rawRows, rowsOf(b, chars, doc));
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
function rowsOf(b: Block, cm: MappedText, doc: DocContext): RawRow[] {
  const rows: RawRow[] = [];
  for (let line = b.firstLine; line <= b.lastLine; line++) {
    const lineStart = doc.lines.starts[line - 1];
    const lineEnd = doc.lines.lineEnd(line);
    let a = lowerBound(cm.starts, lineStart);
    let z = lowerBound(cm.starts, lineEnd);
    while (a < z && /[ \t\n]/.test(cm.text[a]) && cm.text[a] !== '\t') a++;
    while (z > a && /[ \t\n]/.test(cm.text[z - 1])) z--;
    if (z <= a) continue;
    const lineBreak = cm.text.indexOf('\n', a);
    if (lineBreak >= 0 && lineBreak < z) {
      // a raw line that normalization split (a body scraped onto one line): the block's own lines
      pushAll(rows, splitRows(cm, Math.max(a, lowerBound(cm.starts, b.rawStart)), Math.min(z, lowerBound(cm.starts, b.rawEnd)), doc));
      continue;
    }
    const [rs, re] = rawRange(cm, a, z);
    rows.push({ text: cm.text.slice(a, z), raw: doc.lines.lineText(line), source: doc.span(rs, re), map: runMap(cm, a, z) });
  }
  return rows;
}
