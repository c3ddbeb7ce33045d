import { Command, Option } from 'commander';
import type { ExportFormat } from '../../corpus/export/format.js';
import type { RecordExport, TextSink } from '../../corpus/export/stream.js';
import { CORPUS_DIR, EXIT, type Io, type SetExit } from '../io.js';
import { withReadingProgress } from '../progress.js';

const FORMATS: readonly ExportFormat[] = ['csv', 'jsonl'];

interface ExportOpts {
  format: string;
  bom: boolean;
  outputFile?: string;
  quiet?: boolean;
}

/**
 * One export subcommand: `plancorpus export NAME [corpus-dir] --format csv|jsonl [--bom] [--output-file FILE]`.
 * Streamed: one document is read, turned into rows and written at a time (corpus/export/stream.ts);
 * a file is written atomically (a temporary file renamed into place once the export is complete).
 * Exit 0 ok; 1 when some documents could not be read (they are named on stderr, the rest is exported);
 * 2 usage or fatal error (bad option, no readable corpus at corpus-dir).
 */
function exportSubcommand<T, F extends string>(io: Io, setExit: SetExit, name: string, description: string, defaultFormat: ExportFormat, load: () => Promise<RecordExport<T, F>>): Command {
  return new Command(name)
    .description(description)
    .argument(`[${CORPUS_DIR}]`, 'corpus folder (with index.json)', 'output')
    .addOption(new Option('--format <format>', 'csv or jsonl').default(defaultFormat))
    .option('--bom', 'start the CSV with a UTF-8 byte-order mark (for Excel)', false)
    .option('--output-file <file>', 'write to this file instead of stdout')
    .option('-q, --quiet', 'print nothing but results and errors')
    .action(async (dir: string, opts: ExportOpts) => {
      const fail = (message: string): void => {
        io.stderr(`plancorpus export ${name}: ${message}\n`);
        setExit(EXIT.usage);
      };
      if (!FORMATS.includes(opts.format as ExportFormat)) return fail(`--format must be csv or jsonl, not ${JSON.stringify(opts.format)}`);
      if (opts.bom && opts.format !== 'csv') return fail('--bom is for --format csv only');
      const { openCorpus } = await import('../../corpus/store.js');
      const { exportRecords } = await import('../../corpus/export/stream.js');
      const spec = await load();
      let corpus;
      try {
        corpus = await openCorpus(dir);
      } catch (err) {
        return fail(`cannot read corpus ${dir}: ${err instanceof Error ? err.message : String(err)}`);
      }
      const out = opts.outputFile !== undefined ? await fileOutput(opts.outputFile) : stdoutOutput(io);
      let count;
      try {
        count = await withReadingProgress(io, 'exporting', opts.quiet, (step) => exportRecords(corpus, spec, opts.format as ExportFormat, { bom: opts.bom, progress: step }, out.write));
      } catch (err) {
        await out.abort();
        throw err;
      }
      await out.commit();
      for (const p of count.problems) io.stderr(`plancorpus export ${name}: skipped ${p}\n`);
      setExit(count.problems.length > 0 ? EXIT.someFailed : EXIT.ok);
    });
}

/** Where an export goes: its pieces, then done (or given up). */
interface ExportOutput {
  write: TextSink;
  commit(): Promise<void>;
  abort(): Promise<void>;
}

/** A file, written atomically: it appears, whole, at commit. */
async function fileOutput(path: string): Promise<ExportOutput> {
  const { openAtomic } = await import('../../core/atomic-write.js');
  const file = await openAtomic(path);
  return { write: (text) => file.write(Buffer.from(text, 'utf8')), commit: () => file.commit(), abort: () => file.abort() };
}

/** stdout, waiting while a pipe's reader is behind. */
function stdoutOutput(io: Io): ExportOutput {
  const done = async (): Promise<void> => {};
  return {
    write: (text) => {
      io.stdout(text);
      return io.stdoutDrained?.();
    },
    commit: done,
    abort: done,
  };
}

export function exportCommand(io: Io, setExit: SetExit): Command {
  const cmd = new Command('export').description('Export data from a built corpus');
  cmd.addCommand(
    exportSubcommand(io, setExit, 'indicators', 'Indicator tables as one row per indicator × value column', 'csv', async () => {
      const { ExportDocument, indicatorRowsOf, INDICATOR_FIELDS } = await import('../../corpus/export/indicator-rows.js');
      return { schema: ExportDocument, fields: INDICATOR_FIELDS, rowsOf: indicatorRowsOf };
    }),
  );
  cmd.addCommand(
    exportSubcommand(io, setExit, 'paragraphs', 'Passages of running text (paragraphs, list items, 专栏 items) with their heading path, for search and retrieval', 'jsonl', async () => {
      const { paragraphRowsOf, PARAGRAPH_FIELDS } = await import('../../corpus/export/paragraph-rows.js');
      const { PlanDocument } = await import('../../schemas/document.js');
      return { schema: PlanDocument, fields: PARAGRAPH_FIELDS, rowsOf: paragraphRowsOf };
    }),
  );
  cmd.addCommand(
    exportSubcommand(io, setExit, 'facts', 'Facts read from the prose (metric, value, change, period, polarity) with region, year and raw position', 'csv', async () => {
      const { factRowsOf, FACT_FIELDS, FactsDocument } = await import('../../corpus/export/fact-rows.js');
      return { schema: FactsDocument, fields: FACT_FIELDS, rowsOf: factRowsOf };
    }),
  );
  return cmd;
}
