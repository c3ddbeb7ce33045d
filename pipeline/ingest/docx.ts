/**
 * .docx (Word, WPS) ingest: the document's paragraphs and tables as plain text (layout in
 * linear-text.ts), with styled headings, generated numbering, table cells with spans, text boxes
 * and footnotes recorded in the Layout.
 *
 * The package is read with fflate (zip) and @xmldom/xmldom (XML). The walk over WordprocessingML
 * is ours rather than mammoth's because the corpus needs what an HTML conversion drops: the
 * numbering text Word generates from the numbering part (chineseCounting "一、"), each paragraph's
 * index for provenance, and the table grid with gridSpan/vMerge as cells.
 */
import { strFromU8, unzipSync } from 'fflate';
import { DOMParser } from '@xmldom/xmldom';
import { CodedError } from './coded-error.js';
import { headerRowCount, LinearText, placeCells } from './linear-text.js';
import type { Layout } from './layout.js';
import { NumberingCounter, type NumberingDefinitions, type NumberingLevel } from './docx-numbering.js';

export interface DocxText {
  text: string;
  layout: Layout;
  /** paragraphs of the body read (w:p in document order, table cells and text boxes included) */
  paragraphs: number;
  warnings: Array<{ code: string; message: string }>;
}

export class DocxError extends CodedError {}

// DOM nodes from xmldom, typed by what is used here
interface XNode {
  nodeType: number;
  localName?: string | null;
  childNodes: ArrayLike<XNode>;
  textContent: string | null;
  getAttribute?(name: string): string | null;
}

const ELEMENT = 1;

function children(node: XNode, name?: string): XNode[] {
  const out: XNode[] = [];
  for (let i = 0; i < node.childNodes.length; i++) {
    const c = node.childNodes[i];
    if (c.nodeType === ELEMENT && (name === undefined || c.localName === name)) out.push(c);
  }
  return out;
}

const child = (node: XNode | undefined, name: string): XNode | undefined => (node ? children(node, name)[0] : undefined);
/** w:val (or another w: attribute) of an element. */
const attr = (node: XNode | undefined, name = 'val'): string | null => node?.getAttribute?.(`w:${name}`) ?? node?.getAttribute?.(name) ?? null;

function parseXml(xml: string, part: string): XNode {
  const errors: string[] = [];
  let doc: XNode | null = null;
  try {
    doc = new DOMParser({ onError: (level: string, msg: string) => void (level !== 'warning' && errors.push(msg)) }).parseFromString(xml, 'text/xml') as unknown as XNode;
  } catch (err) {
    errors.push(err instanceof Error ? err.message : String(err));
  }
  const root = doc ? children(doc)[0] : undefined;
  if (!root || errors.length > 0) throw new DocxError('docx-invalid', `${part} is not well-formed XML${errors[0] ? `: ${errors[0].split('\n')[0]}` : ''}`);
  return root;
}

interface StyleInfo {
  name: string;
  basedOn: string | null;
  outlineLvl: number | null;
  numId: string | null;
  ilvl: number | null;
}

function readStyles(root: XNode | null): Map<string, StyleInfo> {
  const styles = new Map<string, StyleInfo>();
  if (!root) return styles;
  for (const s of children(root, 'style')) {
    const id = attr(s, 'styleId');
    if (!id) continue;
    const pPr = child(s, 'pPr');
    const numPr = child(pPr, 'numPr');
    const outline = attr(child(pPr, 'outlineLvl'));
    styles.set(id, {
      name: attr(child(s, 'name')) ?? id,
      basedOn: attr(child(s, 'basedOn')),
      outlineLvl: outline === null ? null : Number(outline),
      numId: attr(child(numPr, 'numId')),
      ilvl: attr(child(numPr, 'ilvl')) === null ? null : Number(attr(child(numPr, 'ilvl'))),
    });
  }
  return styles;
}

function readNumbering(root: XNode | null): NumberingDefinitions {
  const nums: NumberingDefinitions['nums'] = new Map();
  if (!root) return { nums };
  const abstracts = new Map<string, Map<number, NumberingLevel>>();
  const readLevel = (lvl: XNode): NumberingLevel => ({
    start: Number(attr(child(lvl, 'start')) ?? 1),
    numFmt: attr(child(lvl, 'numFmt')) ?? 'decimal',
    lvlText: attr(child(lvl, 'lvlText')) ?? '',
    suff: ((s) => (s === 'space' || s === 'nothing' ? s : 'tab'))(attr(child(lvl, 'suff'))),
  });
  for (const a of children(root, 'abstractNum')) {
    const levels = new Map<number, NumberingLevel>();
    for (const lvl of children(a, 'lvl')) levels.set(Number(attr(lvl, 'ilvl') ?? 0), readLevel(lvl));
    abstracts.set(attr(a, 'abstractNumId') ?? '', levels);
  }
  for (const n of children(root, 'num')) {
    const abstractId = attr(child(n, 'abstractNumId')) ?? '';
    const levels = new Map(abstracts.get(abstractId) ?? []);
    for (const o of children(n, 'lvlOverride')) {
      const ilvl = Number(attr(o, 'ilvl') ?? 0);
      const lvl = child(o, 'lvl');
      const base = lvl ? readLevel(lvl) : levels.get(ilvl);
      const start = attr(child(o, 'startOverride'));
      if (base) levels.set(ilvl, start === null ? base : { ...base, start: Number(start) });
    }
    // a list restarted by an override counts on its own
    nums.set(attr(n, 'numId') ?? '', { abstractId: children(n, 'lvlOverride').length > 0 ? `${abstractId}#${attr(n, 'numId')}` : abstractId, levels });
  }
  return { nums };
}

/** Heading level from a style: "heading 2" / "标题 2", or its outline level, following basedOn. */
function styleLevel(styles: Map<string, StyleInfo>, id: string | null): number | undefined {
  for (let k = 0, s = id ? styles.get(id) : undefined; s && k < 10; k++, s = s.basedOn ? styles.get(s.basedOn) : undefined) {
    const m = /^(?:heading|标题)\s*(\d)$/i.exec(s.name.trim());
    if (m) return Number(m[1]);
    if (s.outlineLvl !== null && s.outlineLvl < 9) return s.outlineLvl + 1;
  }
  return undefined;
}

function styleNumbering(styles: Map<string, StyleInfo>, id: string | null): { numId: string; ilvl: number } | null {
  for (let k = 0, s = id ? styles.get(id) : undefined; s && k < 10; k++, s = s.basedOn ? styles.get(s.basedOn) : undefined) {
    if (s.numId !== null) return { numId: s.numId, ilvl: s.ilvl ?? 0 };
  }
  return null;
}

interface Walk {
  out: LinearText;
  styles: Map<string, StyleInfo>;
  numbering: NumberingCounter;
  /** footnote/endnote ids in the order they are referenced, with the label written in the text */
  notes: Array<{ part: 'footnotes' | 'endnotes'; id: string; label: string }>;
  paragraphs: number;
}

/** Text of a paragraph's runs; text boxes met on the way are collected, not inlined. */
function runText(node: XNode, walk: Walk, boxes: XNode[]): string {
  let s = '';
  for (const c of children(node)) {
    switch (c.localName) {
      case 't':
        s += c.textContent ?? '';
        break;
      case 'tab':
      case 'ptab':
        s += ' ';
        break;
      case 'br':
      case 'cr':
        if (attr(c, 'type') !== 'page' && attr(c, 'type') !== 'column') s += '\n';
        break;
      case 'noBreakHyphen':
        s += '-';
        break;
      case 'sym': {
        const code = parseInt(attr(c, 'char') ?? '', 16);
        if (Number.isFinite(code)) s += String.fromCharCode(code >= 0xf000 ? code - 0xf000 : code);
        break;
      }
      case 'footnoteReference':
      case 'endnoteReference': {
        const part = c.localName === 'footnoteReference' ? 'footnotes' : 'endnotes';
        const label = `[${part === 'footnotes' ? '' : '尾注'}${walk.notes.filter((n) => n.part === part).length + 1}]`;
        walk.notes.push({ part, id: attr(c, 'id') ?? '', label });
        s += label;
        break;
      }
      case 'txbxContent':
        boxes.push(c);
        break;
      // not shown: properties, deleted text, field codes, the fallback copy of alternate content
      case 'pPr':
      case 'rPr':
      case 'del':
      case 'delText':
      case 'instrText':
      case 'Fallback':
      case 'footnoteRef':
      case 'endnoteRef':
        break;
      default:
        s += runText(c, walk, boxes);
    }
  }
  return s;
}

/** One paragraph's style, heading level and generated numbering. */
function paragraphStyle(p: XNode, walk: Walk): { level?: number; numbering?: string } {
  const pPr = child(p, 'pPr');
  const styleId = attr(child(pPr, 'pStyle'));
  const outline = attr(child(pPr, 'outlineLvl'));
  const level = outline !== null && Number(outline) < 9 ? Number(outline) + 1 : styleLevel(walk.styles, styleId);
  const numPr = child(pPr, 'numPr');
  const direct = numPr ? { numId: attr(child(numPr, 'numId')) ?? '0', ilvl: Number(attr(child(numPr, 'ilvl')) ?? 0) } : null;
  const num = direct ?? styleNumbering(walk.styles, styleId);
  const numbering = num && num.numId !== '0' ? walk.numbering.next(num.numId, num.ilvl) : null;
  return { ...(level !== undefined ? { level } : {}), ...(numbering ? { numbering } : {}) };
}

/** Plain text of a table cell or other container (paragraphs joined without breaks: a cell is one line). */
function containerText(node: XNode, walk: Walk, boxes: XNode[]): string {
  const parts: string[] = [];
  for (const c of children(node)) {
    if (c.localName === 'p') {
      walk.paragraphs++;
      const { numbering } = paragraphStyle(c, walk);
      parts.push((numbering ?? '') + runText(c, walk, boxes));
    } else if (c.localName === 'tbl') {
      for (const tr of children(c, 'tr')) for (const tc of children(tr, 'tc')) parts.push(containerText(tc, walk, boxes));
    } else if (c.localName !== 'tcPr' && c.localName !== 'sectPr') {
      parts.push(containerText(c, walk, boxes));
    }
  }
  return parts.filter((t) => t.trim() !== '').join(' ');
}

function table(tbl: XNode, walk: Walk, boxes: XNode[]): void {
  let flagged = 0;
  let stillHeader = true;
  const rows = children(tbl, 'tr').map((tr) => {
    const trPr = child(tr, 'trPr');
    const isHeader = child(trPr, 'tblHeader') !== undefined && attr(child(trPr, 'tblHeader')) !== 'false' && attr(child(trPr, 'tblHeader')) !== '0';
    if (stillHeader && isHeader) flagged++;
    else stillHeader = false;
    const gridBefore = Number(attr(child(trPr, 'gridBefore')) ?? 0);
    return children(tr, 'tc').map((tc, k) => {
      const tcPr = child(tc, 'tcPr');
      const vMerge = child(tcPr, 'vMerge');
      return {
        text: containerText(tc, walk, boxes),
        colSpan: Number(attr(child(tcPr, 'gridSpan')) ?? 1),
        continues: vMerge !== undefined && (attr(vMerge) ?? 'continue') === 'continue',
        gridBefore: k === 0 ? gridBefore : 0,
      };
    });
  });
  const { cells, cols } = placeCells(rows);
  walk.out.table({ rows: rows.length, cols, headerRows: headerRowCount(cells, rows.length, flagged), cells });
}

/** Body content in order: paragraphs one per line, tables, then the text boxes each paragraph anchors. */
function blocks(container: XNode, walk: Walk, kind: 'paragraph' | 'box' | 'footnote', label = ''): void {
  let first = true;
  for (const c of children(container)) {
    const boxes: XNode[] = [];
    if (c.localName === 'p') {
      const index = walk.paragraphs++;
      const style = paragraphStyle(c, walk);
      const runs = runText(c, walk, boxes);
      // a note's label replaces Word's footnoteRef mark, and the tab Word puts after it
      const text = first && label ? label + runs.trimStart() : runs;
      first = false;
      if (text.trim() === '' && !style.numbering) walk.out.blank();
      else walk.out.paragraph(text, { kind: kind === 'paragraph' && style.level !== undefined ? 'heading' : kind === 'paragraph' && style.numbering ? 'list-item' : kind, ...style, index });
    } else if (c.localName === 'tbl') {
      table(c, walk, boxes);
    } else if (c.localName === 'sdt' || c.localName === 'sdtContent' || c.localName === 'customXml' || c.localName === 'ins') {
      blocks(c, walk, kind);
    }
    for (const box of boxes) blocks(box, walk, 'box');
  }
}

function readPart(files: Record<string, Uint8Array>, name: string): XNode | null {
  const data = files[name];
  return data ? parseXml(strFromU8(data), name) : null;
}

/** Read a .docx package into text and layout. Throws DocxError for a broken package. */
export function extractDocxText(bytes: Uint8Array): DocxText {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (f) => /^word\/(document|styles|numbering|footnotes|endnotes)\.xml$/.test(f.name) });
  } catch (err) {
    throw new DocxError('docx-invalid', `not a readable zip archive: ${err instanceof Error ? err.message : String(err)}`);
  }
  const document = readPart(files, 'word/document.xml');
  if (!document) throw new DocxError('docx-invalid', 'the package has no word/document.xml (not a Word document)');
  const body = child(document, 'body');
  if (!body) throw new DocxError('docx-invalid', 'word/document.xml has no body');
  const walk: Walk = {
    out: new LinearText(),
    styles: readStyles(readPart(files, 'word/styles.xml')),
    numbering: new NumberingCounter(readNumbering(readPart(files, 'word/numbering.xml'))),
    notes: [],
    paragraphs: 0,
  };
  blocks(body, walk, 'paragraph');
  // footnotes and endnotes kept apart: after the body, each headed by the label its reference got
  const warnings: DocxText['warnings'] = [];
  const notes = { footnotes: readPart(files, 'word/footnotes.xml'), endnotes: readPart(files, 'word/endnotes.xml') };
  if (walk.notes.length > 0) walk.out.blank();
  for (const ref of walk.notes) {
    const note = notes[ref.part] ? children(notes[ref.part]!, ref.part === 'footnotes' ? 'footnote' : 'endnote').find((n) => attr(n, 'id') === ref.id) : undefined;
    if (note) blocks(note, walk, 'footnote', ref.label);
    else warnings.push({ code: 'docx-missing-note', message: `the ${ref.part === 'footnotes' ? 'footnote' : 'endnote'} ${ref.label} (id ${ref.id}) is referenced but not in the package` });
  }
  return { text: walk.out.text(), layout: walk.out.layout, paragraphs: walk.paragraphs, warnings };
}
