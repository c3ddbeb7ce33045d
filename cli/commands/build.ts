import { Command, Option } from 'commander';
import { EXIT, UsageError, withOutputOptions, type Io, type SetExit } from '../io.js';
import { ProgressReporter, type LogFormat } from '../progress.js';

export const wholeNumber = (flag: string, min: number) => (v: string): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw new Error(`${flag} takes a whole number ≥ ${min}, not ${v}`);
  return n;
};

/** 50MB, 2.5GB, 800k, 1000000 → bytes */
const byteSize = (v: string): number => {
  const m = /^(\d+(?:\.\d+)?)\s*([kmg]?)b?$/i.exec(v.trim());
  if (!m) throw new Error(`--max-bytes takes a size such as 50MB or 200000000, not ${v}`);
  return Math.round(Number(m[1]) * { '': 1, k: 1e3, m: 1e6, g: 1e9 }[m[2].toLowerCase() as '' | 'k' | 'm' | 'g']);
};

interface BuildOpts {
  out: string;
  rules?: string;
  concurrency: number;
  workers?: number | 'auto';
  maxBytes?: number;
  maxPages?: number;
  timeout?: number;
  maxMemory?: number;
  quiet?: boolean;
  strict?: boolean;
  force?: boolean;
  compact?: boolean;
  format: string;
  logFormat: LogFormat;
}

export function buildCommand(io: Io, setExit: SetExit): Command {
  const cmd = new Command('build')
    .description('build a corpus: one validated JSON document per input plus index.json')
    .argument('[inputs...]', 'files, folders or globs of .txt/.pdf/.docx/.html/.md inputs', ['fixtures'])
    .option('-o, --out <dir>', 'output folder', 'output')
    .option('--rules <file>', 'OCR rules file (JSON or YAML): extra confusion pairs, protected names, forced corrections')
    .addOption(new Option('-j, --concurrency <n>', 'documents in flight at once').default(2).argParser(wholeNumber('--concurrency', 1)))
    .addOption(
      new Option('-w, --workers <n>', 'worker threads (0: this thread), or auto: one per core when there are 2+ cores and 16 MB of input per worker to build (a PDF byte counts as 12, a .docx byte as 2), one for 16 MB on one core, else 0')
        .default('auto')
        .argParser((v: string): number | 'auto' => {
          if (v === 'auto') return 'auto';
          const n = Number(v);
          if (!Number.isInteger(n) || n < 0) throw new Error(`--workers takes auto or a whole number ≥ 0, not ${v}`);
          return n;
        }),
    )
    .addOption(new Option('--max-bytes <size>', 'refuse inputs larger than this, before reading them (default 50MB)').argParser(byteSize))
    .addOption(new Option('--max-pages <n>', 'refuse PDFs with more pages than this (default 2000)').argParser(wholeNumber('--max-pages', 1)))
    .addOption(new Option('--timeout <seconds>', 'a document still running after this long fails alone (runs on worker threads)').argParser(wholeNumber('--timeout', 1)))
    .addOption(new Option('--max-memory <mb>', 'heap limit per worker in MB (workers are then child processes): a document that needs more fails alone').argParser(wholeNumber('--max-memory', 64)))
    .addOption(new Option('--log-format <format>', 'progress and results as text, or as one JSON object per event on stdout').choices(['text', 'json']).default('text'))
    .option('--compact', "write each document's JSON on one line (index.json stays indented): half the bytes, serialized in half the time")
    .option('--strict', 'exit 1 when any document has warnings, too')
    .option('--force', 'rebuild every document; by default one whose source, pipeline version and options are unchanged since the last build into --out is kept as it is');
  return withOutputOptions(cmd).action(async (inputs: string[], opts: BuildOpts) => {
    const { buildCorpus, NoInputsError } = await import('../../corpus/build.js');
    const log = new ProgressReporter(io, { format: opts.logFormat, quiet: Boolean(opts.quiet) || opts.format === 'json', out: opts.out });
    let built;
    try {
      built = await buildCorpus({
        inputs,
        outDir: opts.out,
        concurrency: opts.concurrency,
        rules: opts.rules,
        workers: opts.workers ?? 'auto',
        force: opts.force,
        compact: opts.compact,
        maxBytes: opts.maxBytes,
        maxPages: opts.maxPages,
        timeout: opts.timeout,
        maxMemoryMb: opts.maxMemory,
        onProgress: (done, total, entry) => log.document(done, total, entry),
      });
    } catch (err) {
      if (err instanceof NoInputsError) throw new UsageError(err.message);
      throw err;
    } finally {
      log.stop();
    }
    const { index, failed } = built;
    const warned = index.documents.filter((e) => e.warnings > 0);
    const strictFail = Boolean(opts.strict) && warned.length > 0;
    if (opts.format === 'json') io.stdout(`${JSON.stringify({ out: opts.out, documents: index.documents.length, failed, warnings: built.warnings, kept: built.kept, skipped: built.skipped, removed: built.removed, entries: index.documents })}\n`);
    else log.summary(built, strictFail);
    setExit(failed > 0 || strictFail ? EXIT.someFailed : EXIT.ok);
  });
}
