import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sha256 } from '../../pipeline/ingest/index.js';
import { Command } from 'commander';
import { CorpusIndex } from '../../schemas/corpus.js';
import { validateDocument, formatProblems, describeIssues } from '../../pipeline/emit/validate.js';
import { EXIT, type Io } from '../io.js';
import { UsageError } from './build.js';

export interface CorpusCheck {
  documents: number;
  problems: Array<{ id: string; message: string }>;
}

/** Check an existing corpus folder: index.json and every document it lists against the schemas. */
export async function validateCorpus(dir: string): Promise<CorpusCheck> {
  let indexText: string;
  try {
    indexText = await readFile(join(dir, 'index.json'), 'utf8');
  } catch {
    throw new UsageError(`${dir} has no index.json: not a corpus folder`);
  }
  const problems: CorpusCheck['problems'] = [];
  const parsed = CorpusIndex.safeParse(JSON.parse(indexText));
  if (!parsed.success) {
    return { documents: 0, problems: [{ id: 'index.json', message: formatProblems(describeIssues(JSON.parse(indexText), parsed.error)) }] };
  }
  let documents = 0;
  for (const e of parsed.data.documents) {
    if (e.status !== 'ok' || !e.output) continue;
    documents++;
    let value: unknown;
    try {
      value = JSON.parse(await readFile(join(dir, e.output), 'utf8'));
    } catch (err) {
      problems.push({ id: e.id, message: `cannot read ${e.output}: ${err instanceof Error ? err.message : String(err)}` });
      continue;
    }
    const r = validateDocument(value);
    if (!r.ok) problems.push({ id: e.id, message: formatProblems(r.problems) });
    else if (r.document.id !== e.id || r.document.source.sha256 !== e.sha256) problems.push({ id: e.id, message: 'document id or sha256 differs from index.json' });
    else if (r.document.source.extracted) {
      // a PDF's positions refer to its extracted text: it must be there, unchanged
      const x = r.document.source.extracted;
      let text: string | null = null;
      try {
        text = await readFile(join(dir, x.path), 'utf8');
      } catch {
        problems.push({ id: e.id, message: `extracted text ${x.path} is missing` });
      }
      if (text !== null && sha256(text) !== x.sha256) problems.push({ id: e.id, message: `extracted text ${x.path} does not match its sha256` });
    }
  }
  return { documents, problems };
}

export function validateCommand(io: Io, setExit: (code: number) => void): Command {
  return new Command('validate')
    .description('check an existing corpus folder against the schemas')
    .argument('[dir]', 'corpus folder', 'output')
    .option('-q, --quiet', 'print nothing but problems')
    .option('--format <format>', 'text or json', 'text')
    .action(async (dir: string, opts: { quiet?: boolean; format: string }) => {
      if (opts.format !== 'text' && opts.format !== 'json') throw new UsageError(`--format must be text or json, not ${opts.format}`);
      const r = await validateCorpus(dir);
      if (opts.format === 'json') io.stdout(`${JSON.stringify({ documents: r.documents, valid: r.documents - r.problems.length, problems: r.problems })}\n`);
      else {
        for (const p of r.problems) io.stdout(`invalid  ${p.id}: ${p.message}\n`);
        if (!opts.quiet) io.stdout(`${r.documents - r.problems.length} of ${r.documents} documents valid\n`);
      }
      setExit(r.problems.length > 0 ? EXIT.someFailed : EXIT.ok);
    });
}
