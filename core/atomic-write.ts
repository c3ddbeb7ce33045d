import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';

/** The temporary file name writeAtomicSync uses: `.` + 12 hex digits + `.tmp`, in the target's folder. */
const TEMPORARY_FILE = /^\.[0-9a-f]{12}\.tmp$/;

/**
 * Write a file atomically: a temporary file in the same folder, then rename over the target. The
 * folder is made when the write finds it missing (a batch writes thousands of files into a few
 * folders: one mkdir each, not one per file).
 *
 * Synchronous on purpose. A build's thread is busy with the pipeline between writes, so an
 * asynchronous write saves it nothing; it only adds the thread pool's round trips (open, write,
 * close, rename: ~1.5 ms of waiting per document against ~0.5 ms of system calls) and keeps the
 * bytes alive until they are done, where a synchronous write lets the next document reuse memory.
 */
export function writeAtomicSync(path: string, bytes: Uint8Array): void {
  const folder = dirname(path);
  const tmp = join(folder, `.${randomBytes(6).toString('hex')}.tmp`);
  try {
    try {
      writeFileSync(tmp, bytes);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      mkdirSync(folder, { recursive: true });
      writeFileSync(tmp, bytes);
    }
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

/** Is this file name one of writeAtomicSync's temporary files (left behind only when a process is killed between write and rename)? */
export function isTemporary(name: string): boolean {
  return TEMPORARY_FILE.test(basename(name));
}
