import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A scratch file that cannot be made or written (a full disk, most often): which folder, and how to
 * choose another (os.tmpdir() follows TMPDIR).
 */
function scratchError(what: string, err: unknown): Error {
  const cause = err instanceof Error ? err.message : String(err);
  return new Error(`${what} (${cause}); set TMPDIR to use another folder`, { cause: err });
}

/** getAll reads values in one go across gaps of up to this many bytes, in runs of up to RUN_READ. */
const GAP_READ = 64 << 10;
const RUN_READ = 8 << 20;
/** put() writes once this much is held back. */
const WRITE_AT = 1 << 20;

/** Where a value stands in a spill: its byte offset and length. */
export interface Spilled {
  readonly at: number;
  readonly bytes: number;
}

/**
 * Values set aside on disk while a corpus tool reads, so that it holds what one step needs and not
 * the whole corpus (link: each document's observations until its region comes; review --html: each
 * link until its documents' pages come). Each value is one JSON text in a scratch file under the
 * system's temporary folder, found again by offset and length. The file is unlinked as soon as it
 * is open where the system allows it (an open file lives on until closed), so that a process killed
 * mid-run leaves nothing behind; elsewhere remove() deletes it.
 *
 * Only what this process wrote is read back, so get() trusts it to be a T.
 */
export class JsonSpill<T> {
  private readonly dir: string;
  private readonly fd: number;
  private size = 0;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private removed = false;

  /** `name`: the tool (link, review), the scratch folder's prefix plancorpus-<name>- and its errors' first word. */
  constructor(private readonly name: string) {
    let dir: string | null = null;
    try {
      dir = mkdtempSync(join(tmpdir(), `plancorpus-${name}-`));
      this.fd = openSync(join(dir, 'spill.json'), 'w+');
    } catch (err) {
      if (dir) rmSync(dir, { recursive: true, force: true });
      throw scratchError(`${name}: cannot make a scratch file in ${tmpdir()}`, err);
    }
    this.dir = dir;
    try {
      rmSync(this.dir, { recursive: true });
      this.removed = true;
    } catch {
      // Windows: an open file cannot be removed
    }
  }

  /** Set a value aside: where it is. Written to the file a megabyte at a time (a write per value cost 125,000 system calls for review --html's links). */
  put(value: T): Spilled {
    const bytes = Buffer.from(JSON.stringify(value), 'utf8');
    const at = this.size;
    this.pending.push(bytes);
    this.pendingBytes += bytes.length;
    this.size += bytes.length;
    if (this.pendingBytes >= WRITE_AT) this.flush();
    return { at, bytes: bytes.length };
  }

  /** Write what put() holds back. */
  private flush(): void {
    if (this.pendingBytes === 0) return;
    const bytes = this.pending.length === 1 ? this.pending[0] : Buffer.concat(this.pending, this.pendingBytes);
    const at = this.size - this.pendingBytes;
    this.pending = [];
    this.pendingBytes = 0;
    try {
      for (let done = 0; done < bytes.length; ) done += writeSync(this.fd, bytes, done, bytes.length - done, at + done);
    } catch (err) {
      throw scratchError(`${this.name}: cannot write its scratch file in ${tmpdir()} past ${Math.round(at / 2 ** 20)} MB`, err);
    }
  }

  /** The value set aside at `where`. */
  get(where: Spilled): T {
    return JSON.parse(this.read(where.at, where.bytes).toString('utf8')) as T;
  }

  /**
   * The values set aside at each of `wheres`, in that order: values that lie close together in the
   * file (gaps up to GAP_READ) are read in one go, so that a page's links, mostly written one after
   * another, cost a read or a few instead of one each.
   */
  getAll(wheres: readonly Spilled[]): T[] {
    const order = wheres.map((_, i) => i).sort((a, b) => wheres[a].at - wheres[b].at);
    const out = new Array<T>(wheres.length);
    for (let k = 0; k < order.length; ) {
      const first = wheres[order[k]];
      let end = first.at + first.bytes;
      let last = k + 1;
      while (last < order.length && wheres[order[last]].at - end <= GAP_READ && wheres[order[last]].at + wheres[order[last]].bytes - first.at <= RUN_READ) {
        end = Math.max(end, wheres[order[last]].at + wheres[order[last]].bytes);
        last++;
      }
      const run = this.read(first.at, end - first.at);
      for (; k < last; k++) {
        const w = wheres[order[k]];
        out[order[k]] = JSON.parse(run.toString('utf8', w.at - first.at, w.at - first.at + w.bytes)) as T;
      }
    }
    return out;
  }

  /** `bytes` bytes of the file from `at`. */
  private read(at: number, bytes: number): Buffer {
    this.flush();
    const buffer = Buffer.allocUnsafe(bytes);
    for (let done = 0; done < bytes; ) {
      const n = readSync(this.fd, buffer, done, bytes - done, at + done);
      if (n === 0) throw new Error('the scratch file is shorter than what was written to it');
      done += n;
    }
    return buffer;
  }

  /** Close the file and, where it was not unlinked at once, delete it. */
  remove(): void {
    closeSync(this.fd);
    if (!this.removed) rmSync(this.dir, { recursive: true, force: true });
  }
}
