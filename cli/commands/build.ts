import { Command, Option } from 'commander';
import { buildCorpus, NoInputsError } from '../../corpus/build.js';
import { EXIT, type Io } from '../io.js';
import { ocrHooks } from '../../pipeline/normalize/ocr/step.js';

export function buildCommand(io: Io, setExit: (code: number) => void): Command {
  return new Command('build')
    .description('build a corpus: one validated JSON document per input plus index.json')
    .argument('[inputs...]', 'files, folders or globs of .txt/.pdf/.docx/.html/.md inputs', ['fixtures'])
    .option('-o, --out <dir>', 'output folder', 'output')
    .option('--rules <file>', 'OCR rules file (JSON or YAML): extra confusion pairs, protected names, forced corrections')
    .addOption(new Option('-j, --concurrency <n>', 'documents in flight at once').default(2).argParser((v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1) throw new Error(`--concurrency takes a whole number ≥ 1, not ${v}`);
      return n;
    }))
    .addOption(new Option('-w, --workers <n>', 'worker threads (default 0: one thread). Each worker loads its own dictionaries (~2 s, ~1 GB): worth it only with spare cores and long batches').argParser((v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0) throw new Error(`--workers takes a whole number ≥ 0, not ${v}`);
      return n;
    }))
    .option('-q, --quiet', 'print nothing but errors')
    .option('--strict', 'exit 1 when any document has warnings, too')
    .option('--format <format>', 'summary format: text or json', 'text')
    .action(async (inputs: string[], opts: { out: string; rules?: string; concurrency: number; workers?: number; quiet?: boolean; strict?: boolean; format: string }) => {
      if (opts.format !== 'text' && opts.format !== 'json') throw new UsageError(`--format must be text or json, not ${opts.format}`);
      const hooks = ocrHooks(opts.rules);
      const progress = io.stderrIsTTY && !opts.quiet;
      let built;
      try {
        built = await buildCorpus({
        inputs,
        outDir: opts.out,
        concurrency: opts.concurrency,
        hooks,
        rulesFile: opts.rules,
        workers: opts.workers ?? 0,
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

export class UsageError extends Error {
  override name = 'UsageError';
}
