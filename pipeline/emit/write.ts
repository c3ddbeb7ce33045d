import { transcode } from 'node:buffer';
import { writeAtomicSync } from '../../core/atomic-write.js';

/** Serialize deterministically: the schema fixes key order, two-space indent, trailing newline. */
export function serialize(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** How a document's JSON is laid out: two-space indent (the default), or compact, on one line. */
export type JsonLayout = 'indented' | 'compact';

/**
 * The UTF-8 bytes of serialize(value), made without the string serialize returns: JSON.stringify's
 * result is a tree of pieces, and appending the newline to it, or encoding it, first copies it whole
 * into one fresh string (for a fixture-sized document ~700 KB, 0.4–0.5 ms of a build's ~10 ms).
 * Here the pieces are copied once, into the reused UTF-16 scratch of utf8().
 */
export function serializedBytes(value: unknown, layout: JsonLayout = 'indented'): Buffer {
  return utf8(layout === 'compact' ? JSON.stringify(value) : JSON.stringify(value, null, 2), '\n');
}

/** Scratch for utf8(): one per thread, reused while it is no bigger than this (16 MB, an 8-million-character text). */
const SCRATCH_KEPT = 16 << 20;
let scratch: Buffer = Buffer.alloc(0);

/**
 * The UTF-8 bytes of the texts, one after the other. They are copied as UTF-16 into a reused scratch
 * buffer (a fresh buffer per document would fault in new memory every time) and converted by ICU
 * (buffer.transcode): 2–3× faster than V8's UTF-8 writer on Han-heavy text. ICU refuses a lone
 * surrogate: such a text is encoded by Buffer.from, which writes U+FFFD for it (JSON.stringify
 * never leaves one; extracted texts may).
 */
export function utf8(...texts: readonly string[]): Buffer {
  let units = 0;
  for (const t of texts) units += t.length;
  const need = units * 2;
  const buffer = need <= scratch.length ? scratch : Buffer.allocUnsafe(need);
  if (buffer !== scratch && need <= SCRATCH_KEPT) scratch = buffer;
  let at = 0;
  for (const t of texts) at += buffer.write(t, at, 'utf16le');
  try {
    return transcode(buffer.subarray(0, at), 'utf16le', 'utf8');
  } catch {
    return Buffer.from(texts.join(''), 'utf8');
  }
}

/** Write a text, or bytes, atomically (core/atomic-write.ts: temporary file, then rename); a text as UTF-8. */
export async function writeAtomic(path: string, content: string | Buffer): Promise<void> {
  writeAtomicSync(path, typeof content === 'string' ? utf8(content) : content);
}
