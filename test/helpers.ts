import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach } from 'vitest';
import { DocContext } from '../core/context.js';
import { createPipeline } from '../pipeline/document.js';
import { sha256 } from '../pipeline/ingest/index.js';
import { decodeText } from '../pipeline/ingest/decode.js';
import { documentId } from '../pipeline/emit/document-id.js';
import type { PlanDocument, Section } from '../schemas/document.js';

export const ROOT = new URL('..', import.meta.url).pathname;

function folderMaker(prefix: string, cleanUp: (fn: () => void) => void): () => string {
  const made: string[] = [];
  cleanUp(() => {
    for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  return () => {
    const d = mkdtempSync(join(tmpdir(), `plancorpus-${prefix}-`));
    made.push(d);
    return d;
  };
}

/**
 * A maker of fresh temporary folders (`$TMPDIR/plancorpus-PREFIX-XXXXXX`) for the tests of the
 * file or describe block where it is called, each removed after its test: not for beforeAll.
 */
export const scratchFolders = (prefix: string): (() => string) => folderMaker(prefix, afterEach);

/**
 * A maker of temporary folders shared by the tests of a file or describe block (made at load or in
 * beforeAll), all removed after its last test. Call it at the level whose tests share the folders.
 */
export const sharedScratchFolders = (prefix: string): (() => string) => folderMaker(prefix, afterAll);

/**
 * Registers the child processes the tests of a file start: one still running when its test ends
 * (the test failed or timed out before it stopped it) is killed, and waited for, after that test.
 * After-hooks run last registered first: call it after scratchFolders, and the child is stopped
 * before the folder it writes to is removed.
 */
export function childProcesses(): <C extends ChildProcess>(child: C) => C {
  const running = new Set<ChildProcess>();
  afterEach(() =>
    Promise.all(
      [...running].filter((child) => child.pid !== undefined).map((child) => {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGKILL');
        return exited;
      }),
    ));
  return (child) => {
    running.add(child);
    child.once('exit', () => running.delete(child));
    return child;
  };
}

export const FIXTURES = join(ROOT, 'fixtures');

/** The real fixtures, by short name: 000 … 004, gbk (2016 national report), wiki (2021 national report). */
export const FIXTURE_FILES: Record<string, string> = Object.fromEntries(
  readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => [f.startsWith('cn-') ? (f.includes('gbk') ? 'gbk' : 'wiki') : f.slice(0, 3), f]),
);

export function fixtureBytes(name: string): Buffer {
  return readFileSync(join(FIXTURES, FIXTURE_FILES[name]));
}

export function fixtureText(name: string): string {
  return decodeText(fixtureBytes(name)).text;
}

/** The raw line (1-based) of a fixture. */
export function rawLine(name: string, line: number): string {
  return fixtureText(name).split(/\r\n|\n|\r/)[line - 1];
}

export function contextFor(name: string): DocContext {
  return new DocContext(FIXTURE_FILES[name], fixtureText(name));
}

const cache = new Map<string, PlanDocument>();
const pipeline = createPipeline();

/** A fixture run through the whole pipeline in memory (cached per test file). */
export function fixtureDocument(name: string): PlanDocument {
  let d = cache.get(name);
  if (!d) {
    const bytes = fixtureBytes(name);
    const decoded = decodeText(bytes);
    const path = FIXTURE_FILES[name];
    d = pipeline.fromRaw(documentId(path), { source: { path, sha256: sha256(bytes), bytes: bytes.length, encoding: decoded.encoding, format: 'txt' }, text: decoded.text });
    cache.set(name, d);
  }
  return d;
}

export function allSections(sections: readonly Section[]): Section[] {
  const out: Section[] = [];
  const walk = (xs: readonly Section[]): void => {
    for (const s of xs) {
      out.push(s);
      walk(s.children);
    }
  };
  walk(sections);
  return out;
}

export function allParagraphs(doc: PlanDocument) {
  return [...(doc.frontMatter?.paragraphs ?? []), ...doc.paragraphs, ...allSections(doc.sections).flatMap((s) => s.paragraphs)];
}

export { seededRandom } from '../core/seeded-random.js';
