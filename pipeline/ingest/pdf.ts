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
import { isBoldFont, placeItems, rulesFromOperators, type OpCodes, type RawTextItem } from './pdf-geometry.js';
import { readPage } from './pdf-page.js';
import { PdfTextBuilder } from './pdf-assemble.js';
import { PdfPort } from './pdf-port.js';
import type { Layout } from './layout.js';

export interface PdfText {
  /** Page texts joined by "\f"; lines end with "\n" (the last one too, unless the text is empty). */
  text: string;
  /** Number of pages in the document. */
  pages: number;
  /** Non-fatal findings, each with a code such as pdf-no-text. */
  warnings: Array<{ code: string; message: string }>;
  /** tables as cells, framed boxes and bold headings, pages with their printed labels, every line's page and box */
  layout: Layout;
}

/** The subset of pdfjs's TextItem used here. */
interface TextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

type PdfjsModule = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

type WorkerPort = NonNullable<ConstructorParameters<PdfjsModule['PDFWorker']>[0]>['port'];

/** The worker's entry (pdf.worker.mjs): it answers the API on the port it is given. */
interface WorkerModule {
  WorkerMessageHandler: { initializeFromPort(port: unknown): void };
}

interface Pdfjs {
  lib: PdfjsModule;
  worker: WorkerModule['WorkerMessageHandler'];
  ops: OpCodes;
  /** the operators rulesFromOperators reads: all the API passes on of a page's operator list */
  drawing: ReadonlySet<number>;
  cMapUrl: string;
  standardFontDataUrl: string;
}

let pdfjsPromise: Promise<Pdfjs> | null = null;

/**
 * pdfjs's legacy build bundles core-js polyfills. Most add what Node 20 lacks (Promise.withResolvers,
 * Uint8Array#toHex …), but a few replace built-ins Node has with slower copies for the whole process:
 * Array#push (about twice as slow) and JSON.parse / JSON.stringify (every document is written with
 * them). Those are put back as they were once pdfjs is loaded.
 */
function keepNatives(): { restore: () => void } {
  const saved: Array<[object, PropertyKey, PropertyDescriptor | undefined]> = [
    [Array.prototype, 'push', Object.getOwnPropertyDescriptor(Array.prototype, 'push')],
    [JSON, 'parse', Object.getOwnPropertyDescriptor(JSON, 'parse')],
    [JSON, 'stringify', Object.getOwnPropertyDescriptor(JSON, 'stringify')],
  ];
  return {
    restore: () => {
      for (const [target, key, descriptor] of saved) if (descriptor) Object.defineProperty(target, key, descriptor);
    },
  };
}

/** Load pdfjs once, with its worker's handler for this thread and data paths from the installed package. */
function loadPdfjs(): Promise<Pdfjs> {
  pdfjsPromise ??= (async () => {
    const require = createRequire(import.meta.url);
    const pkgDir = path.dirname(require.resolve('pdfjs-dist/package.json'));
    // The worker module is imported by its file (robust under bundlers and test runners); each
    // document gets a port pair to it (pdf-port.ts) rather than pdfjs's fake worker.
    const workerUrl = pathToFileURL(path.join(pkgDir, 'legacy', 'build', 'pdf.worker.mjs')).href;
    const natives = keepNatives();
    const [lib, workerModule] = await Promise.all([import('pdfjs-dist/legacy/build/pdf.mjs'), import(workerUrl) as Promise<WorkerModule>]);
    natives.restore();
    const ops = lib.OPS as unknown as OpCodes;
    const drawing = new Set([ops.save, ops.restore, ops.transform, ops.constructPath, ops.paintFormXObjectBegin, ops.paintFormXObjectEnd]);
    // pdfjs wants directory "URLs" with a trailing slash; in Node they are read with fs.
    const dir = (name: string): string => path.join(pkgDir, name) + '/';
    return { lib, worker: workerModule.WorkerMessageHandler, ops, drawing, cMapUrl: dir('cmaps'), standardFontDataUrl: dir('standard_fonts') };
  })();
  return pdfjsPromise;
}

/**
 * The "document" pdfjs registers embedded fonts with. With `disableFontFace` (its default in Node)
 * pdfjs instead compiles every glyph drawn into an outline for canvas rendering and sends each one
 * over with the operator list: the costliest step of reading a page's operator list and, kept for
 * the whole document, memory that grows as pages draw new glyphs. We render nothing, so fonts are
 * registered (as @font-face rules, the path pdfjs takes in Node, where loading is synchronous) with
 * a stand-in whose style sheet drops them. Text, widths and font flags do not depend on it.
 */
const FONT_SINK = {
  createElement: () => ({ sheet: { cssRules: [] as unknown[], insertRule: (): number => 0 }, remove: (): void => {} }),
  documentElement: { getElementsByTagName: () => [{ append: (): void => {} }] },
};

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
/** Pages a PDF may have before it is refused (a plan runs to a few hundred; more is a mistake or an attack). */
export const DEFAULT_MAX_PAGES = 2000;

export async function extractPdfText(bytes: Uint8Array, opts: { maxPages?: number } = {}): Promise<PdfText> {
  if (detectFormat(bytes) !== 'pdf') {
    throw new PdfError('pdf-invalid', `not a PDF (no %PDF- header in the first 1024 bytes; ${bytes.length} bytes)`);
  }
  if (!hasEofMarker(bytes)) {
    throw new PdfError('pdf-invalid', `truncated or damaged file (no %%EOF marker in its last 1024 bytes; ${bytes.length} bytes)`);
  }
  const { lib, worker, ops, drawing, cMapUrl, standardFontDataUrl } = await loadPdfjs();
  const port = PdfPort.pair(drawing);
  const pdfWorker = new lib.PDFWorker({ port: port.api as unknown as WorkerPort });
  worker.initializeFromPort(port.worker);
  const task = lib.getDocument({
    worker: pdfWorker,
    // a plain Uint8Array copy: pdfjs rejects Buffers and transfers (detaches) the buffer it gets
    data: new Uint8Array(bytes),
    cMapUrl,
    cMapPacked: true,
    standardFontDataUrl,
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: false,
    ownerDocument: FONT_SINK,
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
    const maxPages = opts.maxPages ?? DEFAULT_MAX_PAGES;
    if (doc.numPages > maxPages) throw new PdfError('pdf-too-many-pages', `${doc.numPages} pages, over the limit of ${maxPages} (raise it with --max-pages)`);
    const empty: number[] = [];
    const rotatedPages: number[] = [];
    const controlPages = new Set<number>();
    const privateUsePages = new Set<number>();
    let controls = 0;
    let privateUse = 0;
    let chars = 0;
    let current = 0;
    const builder = new PdfTextBuilder((line) => {
      chars += line.length;
      const c = line.match(CONTROL)?.length ?? 0;
      if (c > 0) {
        controls += c;
        controlPages.add(current);
      }
      const pu = line.match(PRIVATE_USE)?.length ?? 0;
      if (pu > 0) {
        privateUse += pu;
        privateUsePages.add(current);
      }
      return c > 0 ? line.replace(CONTROL, '\ufffd') : line;
    });
    // one page at a time: its geometry is read, turned into text and layout, and let go
    for (let n = 1; n <= doc.numPages; n++) {
      current = n;
      let read;
      try {
        const page = await doc.getPage(n);
        const viewport = page.getViewport({ scale: 1 });
        const view = viewport.transform;
        const operators = await page.getOperatorList();
        const content = await page.getTextContent({ includeMarkedContent: false });
        const fonts = new Map<string, boolean>();
        const boldOf = (name: string): boolean => {
          let b = fonts.get(name);
          if (b === undefined) {
            b = page.commonObjs.has(name) ? isBoldFont(page.commonObjs.get(name) as { bold?: boolean; name?: string }) : false;
            fonts.set(name, b);
          }
          return b;
        };
        const textItems = content.items.filter((it): it is typeof it & RawTextItem => 'str' in it);
        const { placed, rotated } = placeItems(textItems, view, boldOf);
        const rules = rulesFromOperators(operators.fnArray, operators.argsArray, view, ops);
        read = { width: viewport.width, height: viewport.height, pieces: readPage({ items: placed, rules }), rotated, hasText: placed.some((it) => !it.space) };
        page.cleanup();
      } catch (err) {
        throw toPdfError(err, `page ${n} of ${doc.numPages}`);
      }
      if (!read.hasText && read.rotated.length === 0) empty.push(n);
      if (read.rotated.length > 0) rotatedPages.push(n);
      builder.addPage(n, read.width, read.height, read.pieces, read.rotated);
    }
    const { text, layout } = builder.finish();
    const pages = doc.numPages;
    if (controls > 0) {
      warnings.push(pdfWarning('pdf-garbled-text', `${controls} of ${chars} characters on page(s) ${pageList([...controlPages])} are control codes, replaced by U+FFFD (font without a usable Unicode map, or a damaged file; needs OCR?)`));
    }
    if (privateUse > 0) {
      warnings.push(pdfWarning('pdf-private-use', `${privateUse} of ${chars} characters on page(s) ${pageList([...privateUsePages])} are private-use code points (unmapped glyphs?)`));
    }
    if (rotatedPages.length > 0) {
      warnings.push(pdfWarning('pdf-rotated-text', `rotated or vertical text on page(s) ${pageList(rotatedPages)} was put after the page's horizontal lines`));
    }
    if (empty.length === pages) {
      warnings.push(pdfWarning('pdf-no-text', `none of the ${pages} page(s) has a text layer (scanned? needs OCR)`));
      return { text: '', pages, warnings, layout };
    }
    if (empty.length > 0) {
      warnings.push(pdfWarning('pdf-empty-pages', `page(s) ${pageList(empty)} of ${pages} have no text (blank, or scanned and needing OCR)`));
    }
    return { text, pages, warnings, layout };
  } finally {
    await task.destroy();
    pdfWorker.destroy();
    port.worker.terminate();
    port.api.terminate();
  }
}
