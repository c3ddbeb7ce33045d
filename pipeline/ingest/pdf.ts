/**
 * PDF ingest: the text layer of a PDF as plain text in reading order, one line per
 * visual line, pages separated by a form feed like pdftotext does.
 *
 * Uses pdfjs-dist's legacy (Node) build with everything loaded from the installed
 * package: cMaps (needed for CJK fonts with predefined encodings such as
 * UniGB-UCS2-H), standard font data, and the worker code, which runs in the main
 * thread (pdfjs disables real workers in Node). Nothing is fetched from the network.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { detectFormat } from './format.js';

export interface PdfText {
  /** Page texts joined by "\f"; lines end with "\n" (the last one too, unless the text is empty). */
  text: string;
  /** Number of pages in the document. */
  pages: number;
  /** Non-fatal findings, each with a code such as pdf-no-text. */
  warnings: Array<{ code: string; message: string }>;
}

/** The subset of pdfjs's TextItem used here. */
interface TextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

type PdfjsModule = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

interface Pdfjs {
  lib: PdfjsModule;
  cMapUrl: string;
  standardFontDataUrl: string;
}

let pdfjsPromise: Promise<Pdfjs> | null = null;

/** Load pdfjs once, with its worker handler registered in this thread and data paths from the installed package. */
function loadPdfjs(): Promise<Pdfjs> {
  pdfjsPromise ??= (async () => {
    const require = createRequire(import.meta.url);
    const pkgDir = path.dirname(require.resolve('pdfjs-dist/package.json'));
    // Importing the worker module sets globalThis.pdfjsWorker, which pdfjs uses instead of
    // loading "./pdf.worker.mjs" itself (robust under bundlers and test runners).
    const workerUrl = pathToFileURL(path.join(pkgDir, 'legacy', 'build', 'pdf.worker.mjs')).href;
    const [lib] = await Promise.all([import('pdfjs-dist/legacy/build/pdf.mjs'), import(workerUrl) as Promise<unknown>]);
    // pdfjs wants directory "URLs" with a trailing slash; in Node they are read with fs.
    const dir = (name: string): string => path.join(pkgDir, name) + '/';
    return { lib, cMapUrl: dir('cmaps'), standardFontDataUrl: dir('standard_fonts') };
  })();
  return pdfjsPromise;
}

/** A real PDF ends with "%%EOF" within its last 1024 bytes (Acrobat's rule); a cut-off download does not. */
function hasEofMarker(bytes: Uint8Array): boolean {
  const tail = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).subarray(Math.max(0, bytes.length - 1024));
  return tail.includes('%%EOF', 0, 'latin1');
}

function errorName(err: unknown): string {
  return err && typeof err === 'object' && 'name' in err && typeof err.name === 'string' ? err.name : '';
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** A PDF that cannot be read: `code` says why (pdf-encrypted, pdf-invalid); the message starts with it. */
export class PdfError extends Error {
  readonly code: string;
  readonly detail: string;
  constructor(code: string, detail: string, options?: { cause: unknown }) {
    super(`${code}: ${detail}`, options);
    this.name = 'PdfError';
    this.code = code;
    this.detail = detail;
  }
}

/** A non-fatal finding; the message keeps the code in front, as printed in reports. */
const pdfWarning = (code: string, detail: string): { code: string; message: string } => ({ code, message: `${code}: ${detail}` });

/** Translate a pdfjs failure into a PdfError. */
function toPdfError(err: unknown, where: string): PdfError {
  const name = errorName(err);
  const msg = errorMessage(err);
  if (name === 'PasswordException') {
    // code 1 = NEED_PASSWORD, 2 = INCORRECT_PASSWORD
    return new PdfError('pdf-encrypted', `${where}: the document is password-protected (${msg})`, { cause: err });
  }
  return new PdfError('pdf-invalid', `${where}: ${msg || name || 'unreadable PDF'}`, { cause: err });
}

/** Font size of an item in page units (the scale of its text matrix), never 0. */
function fontSizeOf(tx: number[], item: TextItem): number {
  return Math.hypot(tx[2], tx[3]) || item.height || 1;
}

/** Upright horizontal text in device space (y grows downwards): no rotation, no skew beyond rounding. */
function isHorizontal(tx: number[]): boolean {
  const [a, b, c, d] = tx;
  return a > 0 && d < 0 && Math.abs(b) <= 1e-3 * a && Math.abs(c) <= 1e-3 * -d;
}

interface Placed {
  str: string;
  x: number;
  y: number;
  right: number;
  size: number;
  /** Whitespace-only item: pdfjs's marker for a gap or a real space glyph. */
  space: boolean;
  /** Order in the content stream, the final tie-breaker. */
  seq: number;
}

/** Fraction of the font size: a horizontal gap wider than this between two items is a space. */
const SPACE_GAP = 1 / 3;
/** Fraction of the font size: baselines closer than this belong to one line. */
const BASELINE_TOLERANCE = 0.5;

/** Assemble one visual line from its items, left to right. */
function lineText(items: Placed[]): string {
  items.sort((p, q) => p.x - q.x || q.right - p.right || p.seq - q.seq);
  let out = '';
  let prev: Placed | null = null;
  for (const it of items) {
    if (it.space) {
      out += ' ';
      continue;
    }
    if (prev) {
      // text drawn twice at (almost) the same place: fake bold or a shadow; keep one copy
      if (it.str === prev.str && Math.abs(it.x - prev.x) < 0.2 * it.size && Math.abs(it.y - prev.y) < 0.2 * it.size) continue;
      const gap = it.x - prev.right;
      if (gap > SPACE_GAP * Math.min(it.size, prev.size)) out += ' ';
    }
    out += it.str;
    prev = it;
  }
  return out.replace(/\s+/g, ' ').trim();
}

/** Product of two affine matrices [a b c d e f], as pdfjs's Util.transform. */
function multiply(m: number[], n: number[]): number[] {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

/**
 * Group items into lines by baseline (top to bottom) and build the page text.
 * `view` maps PDF user space to the upright page as displayed (the page's /Rotate applied).
 */
function pageText(items: TextItem[], view: number[]): { lines: string[]; rotated: number } {
  const placed: Placed[] = [];
  const rotated: TextItem[] = [];
  items.forEach((item, seq) => {
    if (item.str === '') return;
    const tx = multiply(view, item.transform);
    if (!isHorizontal(tx)) {
      if (item.str.trim() !== '') rotated.push(item);
      return;
    }
    const [, , , , x, y] = tx;
    placed.push({ str: item.str, x, y, right: x + item.width, size: fontSizeOf(tx, item), space: item.str.trim() === '', seq });
  });
  // top to bottom (device y grows downwards), then by content order so ties stay stable
  placed.sort((p, q) => p.y - q.y || p.seq - q.seq);
  const groups: Placed[][] = [];
  let current: Placed[] = [];
  let baseline = Number.NaN;
  let lineSize = 0;
  for (const it of placed) {
    const size = it.space ? lineSize || it.size : it.size;
    if (current.length > 0 && Math.abs(baseline - it.y) <= BASELINE_TOLERANCE * Math.min(size, lineSize || size)) {
      current.push(it);
      if (!it.space) lineSize = Math.max(lineSize, it.size);
      continue;
    }
    if (current.length > 0) groups.push(current);
    current = [it];
    baseline = it.y;
    lineSize = it.space ? 0 : it.size;
  }
  if (current.length > 0) groups.push(current);
  const lines = groups.map(lineText).filter((l) => l !== '');
  // Rotated or vertical text (stamps, watermarks, sideways table headers) has no place in the
  // horizontal reading order: keep it, in content order, after the page's lines.
  for (const item of rotated) lines.push(item.str.replace(/\s+/g, ' ').trim());
  return { lines, rotated: rotated.length };
}

/** C0/C1 control characters: glyph codes leaking through from a font without a usable Unicode map. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
/** Private-use code points: often unmapped glyphs as well. */
const PRIVATE_USE = /[\ue000-\uf8ff]/g;

function pageList(pages: number[]): string {
  return pages.length <= 10 ? pages.join(', ') : `${pages.slice(0, 10).join(', ')}, … (${pages.length} pages)`;
}

/**
 * Extract the text layer of a PDF.
 *
 * - Lines are rebuilt per page from the text items: items whose baselines are within half a
 *   font size form one line, ordered left to right, with a space where pdfjs saw one or the
 *   gap between two items is wider than a third of the font size.
 * - Pages are joined with "\f" (pages - 1 form feeds; an empty page is an empty string
 *   between two of them), each line ends with "\n".
 * - Throws `pdf-encrypted: …` for a password-protected file and `pdf-invalid: …` for a
 *   truncated, corrupt or non-PDF input.
 * - A PDF without any text returns text "" and a `pdf-no-text: …` warning.
 */
export async function extractPdfText(bytes: Uint8Array): Promise<PdfText> {
  if (detectFormat(bytes) !== 'pdf') {
    throw new PdfError('pdf-invalid', `not a PDF (no %PDF- header in the first 1024 bytes; ${bytes.length} bytes)`);
  }
  if (!hasEofMarker(bytes)) {
    throw new PdfError('pdf-invalid', `truncated or damaged file (no %%EOF marker in its last 1024 bytes; ${bytes.length} bytes)`);
  }
  const { lib, cMapUrl, standardFontDataUrl } = await loadPdfjs();
  const task = lib.getDocument({
    // a plain Uint8Array copy: pdfjs rejects Buffers and transfers (detaches) the buffer it gets
    data: new Uint8Array(bytes),
    cMapUrl,
    cMapPacked: true,
    standardFontDataUrl,
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    stopAtErrors: false,
    verbosity: lib.VerbosityLevel.ERRORS,
  });
  const warnings: PdfText['warnings'] = [];
  try {
    let doc;
    try {
      doc = await task.promise;
    } catch (err) {
      throw toPdfError(err, 'cannot open document');
    }
    const pageTexts: string[] = [];
    const empty: number[] = [];
    const rotatedPages: number[] = [];
    const controlPages: number[] = [];
    const privateUsePages: number[] = [];
    let controls = 0;
    let privateUse = 0;
    let chars = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      let items: TextItem[];
      let view: number[];
      try {
        const page = await doc.getPage(n);
        view = page.getViewport({ scale: 1 }).transform;
        const content = await page.getTextContent({ includeMarkedContent: false });
        items = content.items.filter((it): it is typeof it & TextItem => 'str' in it);
        page.cleanup();
      } catch (err) {
        throw toPdfError(err, `page ${n} of ${doc.numPages}`);
      }
      const { lines, rotated } = pageText(items, view);
      if (lines.length === 0) empty.push(n);
      if (rotated > 0) rotatedPages.push(n);
      let text = lines.map((l) => l + '\n').join('');
      chars += text.length - lines.length;
      const c = text.match(CONTROL)?.length ?? 0;
      if (c > 0) {
        controls += c;
        controlPages.push(n);
        text = text.replace(CONTROL, '\ufffd');
      }
      const pu = text.match(PRIVATE_USE)?.length ?? 0;
      if (pu > 0) {
        privateUse += pu;
        privateUsePages.push(n);
      }
      pageTexts.push(text);
    }
    const pages = doc.numPages;
    if (controls > 0) {
      warnings.push(pdfWarning('pdf-garbled-text', `${controls} of ${chars} characters on page(s) ${pageList(controlPages)} are control codes, replaced by U+FFFD (font without a usable Unicode map, or a damaged file; needs OCR?)`));
    }
    if (privateUse > 0) {
      warnings.push(pdfWarning('pdf-private-use', `${privateUse} of ${chars} characters on page(s) ${pageList(privateUsePages)} are private-use code points (unmapped glyphs?)`));
    }
    if (rotatedPages.length > 0) {
      warnings.push(pdfWarning('pdf-rotated-text', `rotated or vertical text on page(s) ${pageList(rotatedPages)} was put after the page's horizontal lines`));
    }
    if (empty.length === pages) {
      warnings.push(pdfWarning('pdf-no-text', `none of the ${pages} page(s) has a text layer (scanned? needs OCR)`));
      return { text: '', pages, warnings };
    }
    if (empty.length > 0) {
      warnings.push(pdfWarning('pdf-empty-pages', `page(s) ${pageList(empty)} of ${pages} have no text (blank, or scanned and needing OCR)`));
    }
    return { text: pageTexts.join('\f'), pages, warnings };
  } finally {
    await task.destroy();
  }
}
