import { mkdir, rename, writeFile, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

/** Serialize deterministically: the schema fixes key order, two-space indent, trailing newline. */
export function serialize(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** A temporary file of writeAtomic's below (left behind only when a process is killed between write and rename). */
export function isTemporary(name: string): boolean {
  return /^\.[0-9a-f]{12}\.tmp$/.test(name);
}

/** Texts longer than this (UTF-16 units) are encoded at their exact size, to bound the spare memory of utf8's buffer. */
const EXACT_SIZE_ABOVE = 1 << 24;

/**
 * The UTF-8 bytes of a text, written in one pass into a buffer of the most it can need (3 bytes per
 * UTF-16 unit) instead of Buffer.from's two (measure, then write): ~0.5 ms less per document JSON of
 * 600,000 characters, a twentieth of a document's time.
 */
export function utf8(content: string): Buffer {
  if (content.length > EXACT_SIZE_ABOVE) return Buffer.from(content, 'utf8');
  const buf = Buffer.allocUnsafe(content.length * 3);
  return buf.subarray(0, buf.write(content, 'utf8'));
}

/**
 * Write a file atomically: a temporary file in the same folder, then rename over the target. The
 * folder is made when the write finds it missing (a batch writes thousands of files into a few
 * folders: one mkdir each, not one per file).
 */
export async function writeAtomic(path: string, content: string): Promise<void> {
  const bytes = utf8(content);
  const tmp = join(dirname(path), `.${randomBytes(6).toString('hex')}.tmp`);
  try {
    try {
      await writeFile(tmp, bytes);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      await mkdir(dirname(path), { recursive: true });
      await writeFile(tmp, bytes);
    }
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}
