import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Encoding, SourceInfo } from '../../schemas/document.js';
import { decodeText, DecodeError } from './decode.js';
import { inputFormat, UnsupportedFormatError } from './format.js';
import { extractPdfText } from './pdf.js';
import { extractDocxText } from './docx.js';
import { extractHtmlText } from './html.js';
import { CodedError } from './coded-error.js';
import type { Layout } from './layout.js';

export interface RawDocument {
  source: SourceInfo;
  /** the decoded raw text: every position in the corpus refers to it */
  text: string;
  warnings: Array<{ code: string; message: string }>;
  /** for structured inputs (PDF, .docx, HTML, Markdown): tables, styled blocks and pages, by offsets into `text` */
  layout?: Layout;
}

export class IngestError extends Error {
  readonly code: string;
  readonly sha256: string;
  readonly bytes: number;
  constructor(code: string, message: string, sha256: string, bytes: number) {
    super(message);
    this.name = 'IngestError';
    this.code = code;
    this.sha256 = sha256;
    this.bytes = bytes;
  }
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

/** Run a reader; its coded errors (unsupported format, undecodable text, broken .docx, undecodable page) become IngestErrors. */
function coded<T>(run: () => T, hash: string, bytes: number): T {
  try {
    return run();
  } catch (err) {
    if (err instanceof UnsupportedFormatError || err instanceof DecodeError || err instanceof CodedError) throw new IngestError(err.code, err.message, hash, bytes);
    throw err;
  }
}

/** Source info of an extracted input: positions refer to the extracted text, saved beside the document (named when it gets its id). */
function extractedSource(path: string, hash: string, bytes: number, format: 'pdf' | 'docx' | 'html', text: string, extractor: string): SourceInfo {
  const encoding = `${format === 'docx' ? 'docx' : format === 'pdf' ? 'pdf' : 'html'}-text` as const;
  return { path, sha256: hash, bytes, encoding, format, extracted: { path: '', sha256: sha256(text), chars: text.length, extractor } };
}

/** Read one input: tell its format (an unsupported one is an error), decode or extract, and record its hash and size. */
export async function ingest(path: string, bytes: Uint8Array): Promise<RawDocument> {
  const hash = sha256(bytes);
  const n = bytes.length;
  const format = coded(() => inputFormat(path, bytes), hash, n);
  if (format === 'docx') {
    const extracted = coded(() => extractDocxText(bytes), hash, n);
    if (extracted.text.trim().length === 0) throw new IngestError('no-text', 'the Word document has no text', hash, n);
    const extractor = `plancorpus docx reader (fflate ${packageVersion('fflate')}, @xmldom/xmldom ${packageVersion('@xmldom/xmldom')})`;
    return { source: extractedSource(path, hash, n, 'docx', extracted.text, extractor), text: extracted.text, warnings: extracted.warnings, layout: extracted.layout };
  }
  if (format === 'html') {
    const extracted = coded(() => extractHtmlText(bytes), hash, n);
    if (extracted.text.trim().length === 0) throw new IngestError('no-text', 'the page has no text', hash, n);
    const extractor = `htmlparser2 ${packageVersion('htmlparser2')} (charset ${extracted.charset})`;
    return { source: extractedSource(path, hash, n, 'html', extracted.text, extractor), text: extracted.text, warnings: extracted.warnings, layout: extracted.layout };
  }
  if (format === 'pdf') {
    let extracted;
    try {
      extracted = await extractPdfText(bytes);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const m = /^(pdf-[a-z-]+):\s*/.exec(message);
      throw new IngestError(m?.[1] ?? 'pdf-invalid', m ? message.slice(m[0].length) : message, hash, n);
    }
    const warnings = extracted.warnings.map((w) => ({ code: /^(pdf-[a-z-]+)/.exec(w)?.[1] ?? 'pdf-warning', message: w }));
    if (extracted.text.trim().length === 0) throw new IngestError('no-text', 'the PDF has no text layer (scanned? it needs OCR first)', hash, n);
    return { source: extractedSource(path, hash, n, 'pdf', extracted.text, `pdfjs-dist ${packageVersion('pdfjs-dist')}`), text: extracted.text, warnings };
  }
  const decoded = coded(() => decodeText(bytes), hash, n);
  if (decoded.text.replace(/[\s\u200b-\u200d\ufeff]/g, '').length === 0) {
    throw new IngestError('no-text', 'the file holds only whitespace', hash, n);
  }
  const encoding: Encoding = decoded.encoding;
  return { source: { path, sha256: hash, bytes: n, encoding, format: format === 'md' ? 'md' : 'txt' }, text: decoded.text, warnings: decoded.warnings };
}
