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

/**
 * Write a file atomically: a temporary file in the same folder, then rename over the target. The
 * folder is made when the write finds it missing (a batch writes thousands of files into a few
 * folders: one mkdir each, not one per file).
 */
export async function writeAtomic(path: string, content: string): Promise<void> {
  const tmp = join(dirname(path), `.${randomBytes(6).toString('hex')}.tmp`);
  try {
    try {
      await writeFile(tmp, content, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      await mkdir(dirname(path), { recursive: true });
      await writeFile(tmp, content, 'utf8');
    }
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}
