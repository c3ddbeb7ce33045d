import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type { Encoding, SourceInfo } from '../../schemas/document.js';
import { decodeText, DecodeError } from './decode.js';
import { detectFormat } from './format.js';
import { extractPdfText } from './pdf.js';
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

function pdfjsVersion(): string {
  const require = createRequire(import.meta.url);
  return (require('pdfjs-dist/package.json') as { version: string }).version;
}

/** Hex sha256 of bytes, or of a string's UTF-8 bytes. */
export function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Read one input: detect PDF or text, decode, and record its hash and size. */
export async function ingest(path: string, bytes: Uint8Array): Promise<RawDocument> {
  const hash = sha256(bytes);
  const format = bytes.length > 0 ? detectFormat(bytes) : 'txt';
  if (format === 'pdf') {
    let extracted;
    try {
      extracted = await extractPdfText(bytes);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const m = /^(pdf-[a-z-]+):\s*/.exec(message);
      throw new IngestError(m?.[1] ?? 'pdf-invalid', m ? message.slice(m[0].length) : message, hash, bytes.length);
    }
    const warnings = extracted.warnings.map((w) => ({ code: /^(pdf-[a-z-]+)/.exec(w)?.[1] ?? 'pdf-warning', message: w }));
    if (extracted.text.trim().length === 0) throw new IngestError('no-text', 'the PDF has no text layer (scanned? it needs OCR first)', hash, bytes.length);
    const text = extracted.text;
    return {
      source: {
        path,
        sha256: hash,
        bytes: bytes.length,
        encoding: 'pdf-text',
        format: 'pdf',
        // the saved file's name is set when the document gets its id
        extracted: { path: '', sha256: sha256(text), chars: text.length, extractor: `pdfjs-dist ${pdfjsVersion()}` },
      },
      text,
      warnings,
      layout: extracted.layout,
    };
  }
  let decoded;
  try {
    decoded = decodeText(bytes);
  } catch (err) {
    if (err instanceof DecodeError) throw new IngestError(err.code, err.message, hash, bytes.length);
    throw err;
  }
  if (decoded.text.replace(/[\s\u200b-\u200d\ufeff]/g, '').length === 0) {
    throw new IngestError('no-text', 'the file holds only whitespace', hash, bytes.length);
  }
  const encoding: Encoding = decoded.encoding;
  return { source: { path, sha256: hash, bytes: bytes.length, encoding, format: 'txt' }, text: decoded.text, warnings: decoded.warnings };
}
