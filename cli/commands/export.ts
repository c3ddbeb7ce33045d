import { writeFile } from 'node:fs/promises';
import { Command, Option } from 'commander';
import type { z } from 'zod';
import type { ExportFormat } from '../../corpus/export/format.js';
import { CORPUS_DIR, EXIT, type Io, type SetExit } from '../io.js';

const FORMATS: readonly ExportFormat[] = ['csv', 'jsonl'];

interface ExportOpts {
  format: string;
  bom: boolean;
  outputFile?: string;
  quiet?: boolean;
}

/**
 * One export subcommand: `plancorpus export NAME [corpus-dir] --format csv|jsonl [--bom] [--output-file FILE]`.
 * Exit 0 ok; 1 when some documents could not be read (they are named on stderr, the rest is exported);
 * 2 usage or fatal error (bad option, no readable corpus at corpus-dir).
 */
function exportSubcommand<T>(
  io: Io,
  setExit: SetExit,
  name: string,
  description: string,
  defaultFormat: ExportFormat,
  load: () => Promise<{ schema: z.ZodType<T>; render: (docs: T[], format: ExportFormat, bom: boolean) => string }>,
): Command {
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
      const { readCorpus } = await import('../../corpus/export/read-corpus.js');
      const { schema, render } = await load();
      let read;
      try {
        read = await readCorpus(dir, schema);
      } catch (err) {
        return fail(`cannot read corpus ${dir}: ${err instanceof Error ? err.message : String(err)}`);
      }
      for (const p of read.problems) io.stderr(`plancorpus export ${name}: skipped ${p}\n`);
      const text = render(read.docs, opts.format as ExportFormat, opts.bom);
      if (opts.outputFile !== undefined) await writeFile(opts.outputFile, text, 'utf8');
      else io.stdout(text);
      setExit(read.problems.length > 0 ? EXIT.someFailed : EXIT.ok);
    });
}

export function exportCommand(io: Io, setExit: SetExit): Command {
  const cmd = new Command('export').description('Export data from a built corpus');
  cmd.addCommand(
    exportSubcommand(io, setExit, 'indicators', 'Indicator tables as one row per indicator × value column', 'csv', async () => {
      const { formatIndicators } = await import('../../corpus/export/format.js');
      const { ExportDocument, indicatorRows } = await import('../../corpus/export/indicator-rows.js');
      return { schema: ExportDocument, render: (docs, format, bom) => formatIndicators(indicatorRows(docs), format, { bom }) };
    }),
  );
  cmd.addCommand(
    exportSubcommand(io, setExit, 'paragraphs', 'Passages of running text (paragraphs, list items, 专栏 items) with their heading path, for search and retrieval', 'jsonl', async () => {
      const { recordsToCsv, recordsToJsonl } = await import('../../corpus/export/format.js');
      const { paragraphRows, PARAGRAPH_FIELDS } = await import('../../corpus/export/paragraph-rows.js');
      const { PlanDocument } = await import('../../schemas/document.js');
      return {
        schema: PlanDocument,
        render: (docs, format, bom) => {
          const rows = paragraphRows(docs);
          return format === 'csv' ? recordsToCsv(PARAGRAPH_FIELDS, rows, { bom }) : recordsToJsonl(PARAGRAPH_FIELDS, rows);
        },
      };
    }),
  );
  cmd.addCommand(
    exportSubcommand(io, setExit, 'facts', 'Facts read from the prose (metric, value, change, period, polarity) with region, year and raw position', 'csv', async () => {
      const { recordsToCsv, recordsToJsonl } = await import('../../corpus/export/format.js');
      const { factRows, FACT_FIELDS, FactsDocument } = await import('../../corpus/export/fact-rows.js');
      return {
        schema: FactsDocument,
        render: (docs, format, bom) => {
          const rows = factRows(docs);
          return format === 'csv' ? recordsToCsv(FACT_FIELDS, rows, { bom }) : recordsToJsonl(FACT_FIELDS, rows);
        },
      };
    }),
  );
  return cmd;
}
