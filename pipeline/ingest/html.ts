/**
 * HTML ingest (a plan published as a government web page): the page's text, one line per block
 * (paragraph, heading, list item, table row), parsed with htmlparser2. Data tables become tab
 * rows with their cells and rowspan/colspan in the Layout (linear-text.ts); <h1>–<h6> are styled
 * headings; an <ol> item's number, which the browser generates, is written into the text.
 * Site chrome (breadcrumbs, share links, footer) stays in the text: the normalize stage removes it
 * as logged furniture, so nothing of the page is dropped unseen. <script>, <style> and <head> are
 * not text.
 *
 * Charset: a BOM, else <meta charset> / http-equiv in the first 4 KB (GBK and GB2312 read as
 * GB18030), else UTF-8 when it decodes, else GB18030.
 */
import { parseDocument } from 'htmlparser2';
import { CodedError } from './coded-error.js';
import { headerRowCount, LinearText, placeCells } from './linear-text.js';
import type { Layout, LayoutBlock } from './layout.js';
import { chineseCounting } from './docx-numbering.js';

export interface HtmlText {
  text: string;
  layout: Layout;
  /** the charset the page was decoded with */
  charset: string;
  /** <title>, kept as evidence */
  title: string | null;
  warnings: Array<{ code: string; message: string }>;
}

export class HtmlError extends CodedError {}

/** The parts of htmlparser2's DOM nodes used here. */
interface HNode {
  type: string;
  name?: string;
  attribs?: Record<string, string>;
  children?: HNode[];
  data?: string;
}

const CHARSET_ALIASES: Record<string, string> = { gbk: 'gb18030', gb2312: 'gb18030', 'x-gbk': 'gb18030', gb18030: 'gb18030', 'utf-8': 'utf-8', utf8: 'utf-8' };

/** Decode a page: BOM, declared charset, UTF-8, GB18030 in that order. */
export function decodeHtml(bytes: Uint8Array): { html: string; charset: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { html: new TextDecoder('utf-8').decode(bytes.subarray(3)), charset: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { html: new TextDecoder('utf-16le').decode(bytes.subarray(2)), charset: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { html: new TextDecoder('utf-16be').decode(bytes.subarray(2)), charset: 'utf-16be' };
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const declared = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
  const charset = declared ? (CHARSET_ALIASES[declared] ?? declared) : null;
  if (charset) {
    try {
      return { html: new TextDecoder(charset, { fatal: true }).decode(bytes), charset };
    } catch {
      // a wrong declaration: fall through to detection
    }
  }
  try {
    return { html: new TextDecoder('utf-8', { fatal: true }).decode(bytes), charset: 'utf-8' };
  } catch {
    try {
      return { html: new TextDecoder('gb18030', { fatal: true }).decode(bytes), charset: 'gb18030' };
    } catch {
      throw new HtmlError('undecodable', 'the page is neither UTF-8 nor GB18030, and declares no charset that decodes it');
    }
  }
}

const BLOCK = new Set(['p', 'div', 'section', 'article', 'main', 'header', 'footer', 'nav', 'aside', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'blockquote', 'pre', 'center', 'form', 'hr', 'address', 'figure', 'figcaption', 'body', 'html', 'tr', 'td', 'th', 'caption', 'table', 'tbody', 'thead', 'tfoot']);
const SKIP = new Set(['script', 'style', 'head', 'noscript', 'template', 'iframe', 'object', 'svg', 'select', 'button', 'input', 'textarea']);

const elements = (n: HNode, name?: string): HNode[] => (n.children ?? []).filter((c) => (c.type === 'tag' || c.type === 'script' || c.type === 'style') && (name === undefined || c.name === name));
const collapse = (s: string): string => s.replace(/[ \t\r\n\f]+/g, ' ');

/** Inline text of a node: whitespace collapsed, <br> as a line break. */
function inlineText(n: HNode): string {
  if (n.type === 'text') return collapse(n.data ?? '');
  if (n.type !== 'tag' || SKIP.has(n.name ?? '')) return '';
  if (n.name === 'br') return '\n';
  return (n.children ?? []).map(inlineText).join('');
}

const hasDescendant = (n: HNode, name: string): boolean => (n.children ?? []).some((c) => c.type === 'tag' && (c.name === name || hasDescendant(c, name)));

/** Rows of a table in order (thead, tbody, tfoot, or tr directly), with whether each is a header row. */
function tableRows(table: HNode): Array<{ tr: HNode; head: boolean }> {
  const out: Array<{ tr: HNode; head: boolean }> = [];
  for (const c of elements(table)) {
    if (c.name === 'tr') out.push({ tr: c, head: elements(c).every((td) => td.name === 'th') });
    else if (c.name === 'thead' || c.name === 'tbody' || c.name === 'tfoot') for (const tr of elements(c, 'tr')) out.push({ tr, head: c.name === 'thead' || elements(tr).every((td) => td.name === 'th') });
  }
  return out;
}

class Walker {
  readonly out = new LinearText();
  private buffer = '';
  private block: Omit<LayoutBlock, 'start' | 'end'> = { kind: 'paragraph' };

  private flush(): void {
    const text = this.buffer.replace(/ *\n */g, '\n').replace(/^[ \n]+|[ \n]+$/g, '');
    if (text !== '') this.out.paragraph(text, this.block);
    this.buffer = '';
    this.block = { kind: 'paragraph' };
  }

  walk(n: HNode): void {
    if (n.type === 'text') {
      this.buffer += collapse(n.data ?? '');
      return;
    }
    if (n.type !== 'tag' && n.type !== 'root') return;
    const name = n.name ?? '';
    if (SKIP.has(name)) return;
    if (name === 'br') {
      this.buffer += '\n';
      return;
    }
    if (name === 'table' && !hasDescendant(n, 'table')) {
      this.flush();
      this.table(n);
      return;
    }
    if (name === 'ol' || name === 'ul') {
      this.flush();
      this.list(n);
      return;
    }
    if (!BLOCK.has(name)) {
      for (const c of n.children ?? []) this.walk(c);
      return;
    }
    this.flush();
    const level = /^h([1-6])$/.exec(name);
    if (level) this.block = { kind: 'heading', level: Number(level[1]) };
    else if (name === 'p' && this.strongOnly(n)) this.block = { kind: 'heading' };
    for (const c of n.children ?? []) this.walk(c);
    this.flush();
  }

  /** A paragraph whose text is all inside <strong>/<b>: a heading the page styles without <h*>. */
  private strongOnly(p: HNode): boolean {
    const text = inlineText(p).trim();
    const bold = elements(p).filter((c) => c.name === 'strong' || c.name === 'b').map(inlineText).join('').trim();
    return text !== '' && bold === text && text.length <= 60;
  }

  private list(n: HNode): void {
    const ordered = n.name === 'ol';
    const style = `${n.attribs?.type ?? ''} ${n.attribs?.style ?? ''}`;
    let k = Number(n.attribs?.start ?? 1);
    for (const li of elements(n, 'li')) {
      const numbering = ordered ? (/cjk-ideographic|simp-chinese/.test(style) ? `${chineseCounting(k)}、` : `${k}.`) : undefined;
      k++;
      this.flush();
      this.block = numbering ? { kind: 'list-item', numbering } : { kind: 'list-item' };
      for (const c of li.children ?? []) this.walk(c);
      if (this.buffer.trim() === '' && numbering) this.buffer = ' ';
      this.flush();
    }
  }

  private table(t: HNode): void {
    const rows = tableRows(t);
    const grid = rows.map(({ tr }) =>
      elements(tr)
        .filter((td) => td.name === 'td' || td.name === 'th')
        .map((td) => ({ text: inlineText(td).replace(/\s+/g, ' ').trim(), colSpan: Number(td.attribs?.colspan ?? 1) || 1, rowSpan: Number(td.attribs?.rowspan ?? 1) || 1 })),
    );
    let flagged = 0;
    while (flagged < rows.length && rows[flagged].head) flagged++;
    const { cells, cols } = placeCells(grid);
    const caption = elements(t, 'caption').map(inlineText).join('').trim();
    if (caption) this.out.paragraph(caption, { kind: 'caption' });
    this.out.table({ rows: rows.length, cols, headerRows: headerRowCount(cells, rows.length, flagged), cells });
  }

  finish(): void {
    this.flush();
  }
}

/** Read a web page into text and layout. */
export function extractHtmlText(bytes: Uint8Array): HtmlText {
  const { html, charset } = decodeHtml(bytes);
  const dom = parseDocument(html, { decodeEntities: true, lowerCaseTags: true }) as unknown as HNode;
  const find = (n: HNode, name: string): HNode | null => {
    for (const c of n.children ?? []) {
      if (c.type === 'tag' && c.name === name) return c;
      const d = c.type === 'tag' ? find(c, name) : null;
      if (d) return d;
    }
    return null;
  };
  const titleNode = find(dom, 'title');
  const title = titleNode ? inlineText(titleNode).trim() || null : null;
  const walker = new Walker();
  walker.walk(find(dom, 'body') ?? dom);
  walker.finish();
  return { text: walker.out.text(), layout: walker.out.layout, charset, title, warnings: [] };
}
