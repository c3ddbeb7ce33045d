import { Command, Option } from 'commander';
import { EXIT, UsageError, withOutputOptions, type Io, type SetExit } from '../io.js';

export const wholeNumber = (flag: string, min: number) => (v: string): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw new Error(`${flag} takes a whole number ≥ ${min}, not ${v}`);
  return n;
};

interface BuildOpts {
  out: string;
  rules?: string;
  concurrency: number;
  workers?: number;
  quiet?: boolean;
  strict?: boolean;
  force?: boolean;
  format: string;
}

export function buildCommand(io: Io, setExit: SetExit): Command {
  const cmd = new Command('build')
    .description('build a corpus: one validated JSON document per input plus index.json')
    .argument('[inputs...]', 'files, folders or globs of .txt/.pdf inputs', ['fixtures'])
    .option('-o, --out <dir>', 'output folder', 'output')
    .option('--rules <file>', 'OCR rules file (JSON or YAML): extra confusion pairs, protected names, forced corrections')
    .addOption(new Option('-j, --concurrency <n>', 'documents in flight at once').default(2).argParser(wholeNumber('--concurrency', 1)))
    .addOption(new Option('-w, --workers <n>', 'worker threads (default 0: one thread). Each worker loads its own dictionaries (~2 s, ~1 GB): worth it only with spare cores and long batches').argParser(wholeNumber('--workers', 0)))
    .option('--strict', 'exit 1 when any document has warnings, too')
    .option('--force', 'rebuild every document; by default one whose source, pipeline version and options are unchanged since the last build into --out is kept as it is');
  return withOutputOptions(cmd).action(async (inputs: string[], opts: BuildOpts) => {
    const { buildCorpus, NoInputsError } = await import('../../corpus/build.js');
    const progress = io.stderrIsTTY && !opts.quiet;
    let built;
    try {
      built = await buildCorpus({
        inputs,
        outDir: opts.out,
        concurrency: opts.concurrency,
        rules: opts.rules,
        workers: opts.workers ?? 0,
        force: opts.force,
        onProgress: progress ? (done, total, e) => io.stderr(`\r[${done}/${total}] ${e.status === 'ok' ? 'ok    ' : 'FAILED'} ${e.source}\x1b[K`) : undefined,
      });
    } catch (err) {
      if (err instanceof NoInputsError) throw new UsageError(err.message);
      throw err;
    }
    const { index, failed } = built;
    if (progress) io.stderr('\n');
    if (opts.format === 'json') io.stdout(`${JSON.stringify({ out: opts.out, documents: index.documents.length, failed, entries: index.documents })}\n`);
    else if (!opts.quiet) {
      for (const e of index.documents) {
        io.stdout(e.status === 'ok' ? `ok      ${e.source} → ${opts.out}/${e.output}${e.warnings ? ` (${e.warnings} warning${e.warnings === 1 ? '' : 's'})` : ''}\n` : `failed  ${e.source}: ${e.error?.code}: ${e.error?.message}\n`);
      }
      io.stdout(`${index.documents.length - failed} of ${index.documents.length} documents written to ${opts.out}/ (index.json)\n`);
    } else {
      for (const e of index.documents) if (e.status === 'failed') io.stderr(`failed  ${e.source}: ${e.error?.code}: ${e.error?.message}\n`);
    }
    const warned = index.documents.some((e) => e.warnings > 0);
    setExit(failed > 0 || (opts.strict && warned) ? EXIT.someFailed : EXIT.ok);
  });
}
