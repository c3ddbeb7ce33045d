/**
 * Corpus-level diff: pair documents by id, report added/removed documents and status changes,
 * and diff each pair of ok documents. Documents are loaded one pair at a time through the
 * snapshots, so neither corpus is held in memory as a whole.
 */
import type { CorpusIndex, IndexEntry } from '../../schemas/corpus.js';
import type { PlanDocument } from '../../schemas/document.js';
import { SCHEMA_VERSION } from '../../schemas/document.js';
import { diffDocuments, emptyContent, hasContentChanges, resolveOptions } from './document.js';
import { CATEGORIES, type CorpusDiff, type DiffOptions, type DocumentDiff, type DocumentRef } from './types.js';

export interface LoadedDocument {
  /** the document file's text when known: the same text on both sides means nothing to compare */
  text: string | null;
  /** the parsed, validated document (throws a CorpusError naming the file when it does not validate) */
  document(): PlanDocument;
}

export interface CorpusSnapshot {
  /** how to name this corpus in the output (its folder) */
  label: string;
  index: CorpusIndex;
  /** load one ok document of the index */
  load(entry: IndexEntry): LoadedDocument;
}

/** An in-memory snapshot (for tests and for callers that already hold the documents). */
export function snapshotOf(label: string, documents: readonly PlanDocument[], failed: ReadonlyArray<{ id: string; source: string; code: string; message: string }> = []): CorpusSnapshot {
  const byId = new Map(documents.map((d) => [d.id, d]));
  const entries: IndexEntry[] = [
    ...documents.map((d): IndexEntry => ({ id: d.id, source: d.source.path, sha256: d.source.sha256, bytes: d.source.bytes, status: 'ok', error: null, warnings: 0, output: `${d.id}.json` })),
    ...failed.map((f): IndexEntry => ({ id: f.id, source: f.source, sha256: null, bytes: null, status: 'failed', error: { code: f.code, message: f.message }, warnings: 0, output: null })),
  ];
  return {
    label,
    index: { schemaVersion: SCHEMA_VERSION, tool: { name: 'plancorpus', version: '0.0.0' }, documents: entries },
    load: (e) => ({ text: null, document: () => byId.get(e.id)! }),
  };
}

const byCodePoint = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);

/** Compare two corpora document by document (pure apart from the snapshots' loading). */
export function diffCorpora(a: CorpusSnapshot, b: CorpusSnapshot, options: DiffOptions = {}): CorpusDiff {
  const o = resolveOptions(options);
  const ea = new Map(a.index.documents.map((e) => [e.id, e]));
  const eb = new Map(b.index.documents.map((e) => [e.id, e]));
  const ids = [...new Set([...ea.keys(), ...eb.keys()])].sort(byCodePoint);
  const added: DocumentRef[] = [];
  const removed: DocumentRef[] = [];
  const documents: DocumentDiff[] = [];
  let compared = 0;
  let statusChanged = 0;
  for (const id of ids) {
    const x = ea.get(id);
    const y = eb.get(id);
    if (!x || !y) {
      const e = (x ?? y)!;
      (x ? removed : added).push({ id, source: e.source, status: e.status });
      continue;
    }
    compared++;
    const d = diffEntries(a, b, x, y, o);
    if (d) {
      if (d.status) statusChanged++;
      documents.push(d);
    }
  }
  const notes = documents.flatMap((d) => d.notes.map((n) => `${d.id}: ${n}`));
  return {
    a: { label: a.label, tool: a.index.tool.version, documents: a.index.documents.length },
    b: { label: b.label, tool: b.index.tool.version, documents: b.index.documents.length },
    options: { only: CATEGORIES.filter((c) => o.only.has(c)), positions: o.positions },
    identical: added.length + removed.length + documents.length === 0,
    summary: { compared, changed: documents.length, unchanged: compared - documents.length, added: added.length, removed: removed.length, statusChanged },
    added,
    removed,
    documents,
    notes,
  };
}

function diffEntries(a: CorpusSnapshot, b: CorpusSnapshot, x: IndexEntry, y: IndexEntry, o: ReturnType<typeof resolveOptions>): DocumentDiff | null {
  const base = { id: x.id, source: { before: x.source, after: y.source } };
  if (x.status !== 'ok' || y.status !== 'ok' || !x.output || !y.output) {
    const same = x.status === y.status && x.error?.code === y.error?.code && x.error?.message === y.error?.message;
    if (same) return null;
    return { ...base, status: { before: x.status, after: y.status, errorBefore: x.error, errorAfter: y.error }, ...emptyContent() };
  }
  const la = a.load(x);
  const lb = b.load(y);
  if (la.text !== null && la.text === lb.text) {
    la.document(); // still validated, once
    return null;
  }
  const content = diffDocuments(la.document(), lb.document(), o);
  if (!hasContentChanges(content)) return null;
  return { ...base, status: null, ...content };
}
