import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { DocumentError, type DocContext } from '../../core/context.js';
import type { Encoding } from '../../schemas/document.js';
import type { RawDocument } from '../types.js';
import { decodeText, DecodeError } from './decode.js';
import { detectFormat } from './format.js';
import { extractPdfText, PdfError } from './pdf.js';

/** One input as read from disk (or handed over by a library user): its corpus path and its bytes. */
export interface SourceInput {
  /** path relative to the build root, with / separators: recorded in the document */
  path: string;
  bytes: Uint8Array;
}

function pdfjsVersion(): string {
  const require = createRequire(import.meta.url);
  return (require('pdfjs-dist/package.json') as { version: string }).version;
}

/** Hex sha256 of bytes, or of a string's UTF-8 bytes. */
export function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * ingest: detect PDF or text, decode or extract, record hash and size. Warnings go to doc; an input
 * that cannot be read throws a DocumentError with a code (empty, binary, undecodable, pdf-encrypted…).
 */
export async function ingest(input: SourceInput, doc: DocContext): Promise<RawDocument> {
  const { path, bytes } = input;
  const hash = sha256(bytes);
  const format = bytes.length > 0 ? detectFormat(bytes) : 'txt';
  if (format === 'pdf') {
    let extracted;
    try {
      extracted = await extractPdfText(bytes);
    } catch (err) {
      if (err instanceof PdfError) throw new DocumentError(err.code, err.detail);
      throw new DocumentError('pdf-invalid', err instanceof Error ? err.message : String(err));
    }
    for (const w of extracted.warnings) doc.report('warning', w.code, w.message);
    if (extracted.text.trim().length === 0) throw new DocumentError('no-text', 'the PDF has no text layer (scanned? it needs OCR first)');
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
    };
  }
  let decoded;
  try {
    decoded = decodeText(bytes);
  } catch (err) {
    if (err instanceof DecodeError) throw new DocumentError(err.code, err.message);
    throw err;
  }
  for (const w of decoded.warnings) doc.report('warning', w.code, w.message);
  if (decoded.text.replace(/[\s\u200b-\u200d\ufeff]/g, '').length === 0) {
    throw new DocumentError('no-text', 'the file holds only whitespace');
  }
  const encoding: Encoding = decoded.encoding;
  return { source: { path, sha256: hash, bytes: bytes.length, encoding, format: 'txt' }, text: decoded.text };
}
