import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPipeline } from '../pipeline/document.js';
import { documentId } from '../pipeline/emit/document-id.js';
import { ROOT } from './helpers.js';

/**
 * Precision of the OCR step on real, born-digital documents (issue 12): the national and local
 * reports in ../shared/corpora have no OCR confusions, so every OCR correction there corrupts
 * true text. Every file of those folders that builds (on this branch at least the .txt ones) is
 * run through the whole pipeline, and any OCR correction is listed with its context.
 */
const CORPORA = join(ROOT, '..', 'shared', 'corpora');
const FOLDERS = ['national', 'local'];
const files = existsSync(CORPORA)
  ? FOLDERS.flatMap((f) => (existsSync(join(CORPORA, f)) ? readdirSync(join(CORPORA, f)).sort().map((n) => join(f, n)) : []))
  : [];

describe('OCR on the clean corpora (../shared/corpora/national and local)', () => {
  it.skipIf(files.length === 0)('makes no correction in any document that builds', async () => {
    const pipeline = createPipeline();
    const found: string[] = [];
    const built: string[] = [];
    for (const rel of files) {
      const r = await pipeline.run(documentId(rel), { path: rel, bytes: readFileSync(join(CORPORA, rel)) });
      if (r.status !== 'ok') continue;
      built.push(rel);
      for (const c of r.document.corrections.filter((x) => x.stage === 'ocr')) {
        found.push(`${rel}:${c.source.line} ${c.from}→${c.to} ${c.rule} ${String(c.evidence?.context ?? '')}`);
      }
    }
    // every .txt input must build here; other formats count when their reader is present
    expect(built.filter((f) => f.endsWith('.txt'))).toEqual(files.filter((f) => f.endsWith('.txt')));
    expect(built.length).toBeGreaterThanOrEqual(55);
    expect(found).toEqual([]);
  });
});
