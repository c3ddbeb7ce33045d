import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, open, rename, rm, type FileHandle } from 'node:fs/promises';
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

/** A file written piece by piece that appears whole or not at all: see openAtomic. */
export interface AtomicFile {
  write(bytes: Uint8Array): Promise<void>;
  /** close the temporary file and rename it over the target */
  commit(): Promise<void>;
  /** close and remove the temporary file; the target is left as it was */
  abort(): Promise<void>;
}

/**
 * Open a file to be written in pieces (an export of a whole corpus, too big to hold as one text):
 * the pieces go to a temporary file in the target's folder (made when missing), which commit()
 * renames over the target, so a reader never sees half an export and a failed one leaves the old file.
 */
export async function openAtomic(path: string): Promise<AtomicFile> {
  const folder = dirname(path);
  const tmp = join(folder, `.${randomBytes(6).toString('hex')}.tmp`);
  let handle: FileHandle;
  try {
    handle = await open(tmp, 'w');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    await mkdir(folder, { recursive: true });
    handle = await open(tmp, 'w');
  }
  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    await handle.close();
  };
  return {
    async write(bytes) {
      // a write may take fewer bytes than given: go on from where it stopped
      for (let at = 0; at < bytes.length; ) at += (await handle.write(bytes, at, bytes.length - at)).bytesWritten;
    },
    async commit() {
      try {
        await close();
        await rename(tmp, path);
      } catch (err) {
        await rm(tmp, { force: true });
        throw err;
      }
    },
    async abort() {
      await close().catch(() => undefined);
      await rm(tmp, { force: true });
    },
  };
}
