import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { DocumentError, type DocContext } from '../../core/context.js';
import type { Encoding, SourceInfo } from '../../schemas/document.js';
import type { RawDocument } from '../types.js';
import { decodeText, DecodeError } from './decode.js';
import { inputFormat, UnsupportedFormatError } from './format.js';
import { extractPdfText, PdfError } from './pdf.js';
import { CodedError } from './coded-error.js';
import { isSpaceCode } from '../../core/text/chars.js';

/** One input as read from disk (or handed over by a library user): its corpus path and its bytes. */
export interface SourceInput {
  /** path relative to the build root, with / separators: recorded in the document */
  path: string;
  bytes: Uint8Array;
}

/** Hex sha256 of bytes, or of a string's UTF-8 bytes. */
export function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Installed version of a package (found from its entry point: not every package exports its package.json). */
function packageVersion(name: string): string {
  const require = createRequire(import.meta.url);
  for (let dir = dirname(require.resolve(name)); dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (!existsSync(file)) continue;
    const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
    if (pkg.name === name && pkg.version) return pkg.version;
  }
  return 'unknown';
}

/** Run a reader; its coded errors (unsupported format, undecodable text, broken .docx or PDF) stop the document with their code. */
async function coded<T>(run: () => T | Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof PdfError) throw new DocumentError(err.code, err.detail);
    if (err instanceof UnsupportedFormatError || err instanceof DecodeError || err instanceof CodedError) throw new DocumentError(err.code, err.message);
    throw err;
  }
}

/** Source info of an extracted input: positions refer to the extracted text, saved beside the document (named when it gets its id). */
function extractedSource(path: string, hash: string, bytes: number, format: 'pdf' | 'docx' | 'html', text: string, extractor: string): SourceInfo {
  const encoding = `${format}-text` as const;
  return { path, sha256: hash, bytes, encoding, format, extracted: { path: '', sha256: sha256(text), chars: text.length, extractor } };
}

/**
 * ingest: tell the input's format (an unsupported one is an error naming the supported ones), decode
 * or extract its text, record hash and size. Warnings go to doc; an input that cannot be read throws
 * a DocumentError with a code (empty, binary, undecodable, unsupported-format, pdf-encrypted…).
 */
export interface IngestOptions {
  /** PDFs with more pages are refused with pdf-too-many-pages (default DEFAULT_MAX_PAGES) */
  maxPages?: number;
}

export async function ingest(input: SourceInput, doc: DocContext, options: IngestOptions = {}): Promise<RawDocument> {
  const { path, bytes } = input;
  const hash = sha256(bytes);
  const n = bytes.length;
  const format = await coded(() => inputFormat(path, bytes));
  const warn = (ws: ReadonlyArray<{ code: string; message: string }>): void => {
    for (const w of ws) doc.report('warning', w.code, w.message);
  };
  // the Word and HTML readers (and their parsers) load only when such a file comes
  if (format === 'docx') {
    const { extractDocxText } = await import('./docx.js');
    const extracted = await coded(() => extractDocxText(bytes));
    warn(extracted.warnings);
    if (extracted.text.trim().length === 0) throw new DocumentError('no-text', 'the Word document has no text');
    const extractor = `plancorpus docx reader (fflate ${packageVersion('fflate')}, @xmldom/xmldom ${packageVersion('@xmldom/xmldom')})`;
    return { source: extractedSource(path, hash, n, 'docx', extracted.text, extractor), text: extracted.text, layout: extracted.layout };
  }
  if (format === 'html') {
    const { extractHtmlText } = await import('./html.js');
    const extracted = await coded(() => extractHtmlText(bytes));
    warn(extracted.warnings);
    if (extracted.text.trim().length === 0) throw new DocumentError('no-text', 'the page has no text');
    const extractor = `htmlparser2 ${packageVersion('htmlparser2')} (charset ${extracted.charset})`;
    return { source: extractedSource(path, hash, n, 'html', extracted.text, extractor), text: extracted.text, layout: extracted.layout };
  }
  if (format === 'pdf') {
    const extracted = await coded(() => extractPdfText(bytes, { maxPages: options.maxPages }));
    warn(extracted.warnings);
    if (extracted.text.trim().length === 0) throw new DocumentError('no-text', 'the PDF has no text layer (scanned? it needs OCR first)');
    return { source: extractedSource(path, hash, n, 'pdf', extracted.text, `pdfjs-dist ${packageVersion('pdfjs-dist')}`), text: extracted.text, layout: extracted.layout };
  }
  const decoded = await coded(() => decodeText(bytes));
  warn(decoded.warnings);
  if (onlyBlank(decoded.text)) throw new DocumentError('no-text', 'the file holds only whitespace');
  const encoding: Encoding = decoded.encoding;
  return { source: { path, sha256: hash, bytes: n, encoding, format: format === 'md' ? 'md' : 'txt' }, text: decoded.text };
}

/** Is the text only whitespace and zero-width characters (U+200B–U+200D, U+FEFF)? Stops at the first other character. */
export function onlyBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!isSpaceCode(c) && !(c >= 0x200b && c <= 0x200d)) return false;
  }
  return true;
}
