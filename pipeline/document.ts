/**
 * One document through the pipeline — the only file that wires the stages:
 *
 *   ingest → normalize (OCR included) → segment → tables → facts → emit
 *
 * Each stage is `(input, doc) → output`; `doc` (core/context.ts) collects what they report.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { DocContext, DocumentError } from '../core/context.js';
import type { OcrRules } from '../schemas/ocr-rules.js';
import type { PlanDocument } from '../schemas/document.js';
import { ingest, sha256, type SourceInput } from './ingest/index.js';
import { normalize } from './normalize/index.js';
import { prepareOcr } from './normalize/ocr/step.js';
import { segment } from './segment/index.js';
import { parseTables } from './tables/index.js';
import { extractFacts } from './facts/index.js';
import { emitDocument } from './emit/index.js';
import { documentId } from './emit/document-id.js';
import type { RawDocument } from './types.js';

export type { SourceInput } from './ingest/index.js';

export interface PipelineOptions {
  /** OCR rules: a rules file (JSON or YAML) merged over the defaults, or rules as data; default: the shipped rules */
  rules?: string | OcrRules;
  /** false leaves OCR confusions as printed (and finds no subject region through OCR); default true */
  ocr?: boolean;
  /** PDFs with more pages fail with pdf-too-many-pages (default 2000) */
  maxPages?: number;
}

export type ExtractResult =
  | {
      status: 'ok';
      document: PlanDocument;
      /** for PDFs: the extracted text every position refers to, to save at document.source.extracted.path */
      extractedText?: string;
    }
  | { status: 'failed'; error: { code: string; message: string }; sha256: string; bytes: number };

/** The pipeline with its data loaded once (rules, gazetteer): run it on any number of documents. */
export interface Pipeline {
  /** One input, read to a validated document or a coded error (never throws for bad input). */
  run(id: string, input: SourceInput): Promise<ExtractResult>;
  /** The stages after ingest, for text already read: throws a DocumentError when the document cannot be built. */
  fromRaw(id: string, raw: RawDocument, doc?: DocContext): PlanDocument;
}

export function createPipeline(options: PipelineOptions = {}): Pipeline {
  const ocr = options.ocr === false ? null : prepareOcr(options.rules);
  const fromRaw = (id: string, raw: RawDocument, doc = new DocContext(raw.source.path, raw.text)): PlanDocument => {
    const normalized = normalize(raw, doc, { ocr });
    const segmented = segment(normalized, doc);
    const tables = parseTables(segmented.tables, doc, raw.layout);
    const facts = doc.step('facts', 'facts', () => extractFacts(segmented, doc));
    return emitDocument({ id, raw, normalized, segmented, tables, facts }, doc);
  };
  return { run: (id, input) => runDocument(id, input, fromRaw, options), fromRaw };
}

/** Turn one input into a validated document, or a clear per-document error. Never throws for bad input. */
async function runDocument(id: string, input: SourceInput, fromRaw: Pipeline['fromRaw'], options: PipelineOptions): Promise<ExtractResult> {
  const doc = new DocContext(input.path);
  const failed = (code: string, message: string): ExtractResult => ({ status: 'failed', error: { code, message }, sha256: sha256(input.bytes), bytes: input.bytes.length });
  try {
    const read = await doc.stepAsync('ingest', 'ingest', () => ingest(input, doc, { maxPages: options.maxPages }));
    const raw = read.source.extracted ? { ...read, source: { ...read.source, extracted: { ...read.source.extracted, path: `${id}.source.txt` } } } : read;
    doc.attachRaw(raw.text);
    const document = fromRaw(id, raw, doc);
    return raw.source.extracted ? { status: 'ok', document, extractedText: raw.text } : { status: 'ok', document };
  } catch (err) {
    if (err instanceof DocumentError) return failed(err.code, err.message);
    return failed('internal-error', err instanceof Error ? err.message : String(err));
  }
}

/**
 * The library's one call: read a file (or take bytes), run the whole pipeline — OCR and region
 * included — and return the validated document or a coded error. For many documents, make one
 * pipeline with createPipeline (the dictionaries load once) or use buildCorpus.
 */
export async function extractDocument(input: string | SourceInput, options: PipelineOptions & { id?: string } = {}): Promise<ExtractResult> {
  const source = typeof input === 'string' ? { path: basename(input), bytes: await readFile(input) } : input;
  return createPipeline(options).run(options.id ?? documentId(source.path), source);
}
