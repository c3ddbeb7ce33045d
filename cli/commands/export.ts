import { writeFile } from 'node:fs/promises';
import { Command, Option } from 'commander';
import type { z } from 'zod';
import { formatIndicators, recordsToCsv, recordsToJsonl, type ExportFormat } from '../../corpus/export/format.js';
import { paragraphRows, PARAGRAPH_FIELDS } from '../../corpus/export/paragraph-rows.js';
import { PlanDocument } from '../../schemas/document.js';
import { ExportDocument, indicatorRows } from '../../corpus/export/indicator-rows.js';
import { readCorpus } from '../../corpus/export/read-corpus.js';
import { EXIT, processIo, type Io } from '../io.js';

const FORMATS: readonly ExportFormat[] = ['csv', 'jsonl'];

interface ExportOpts {
  format: string;
  bom: boolean;
  out?: string;
}

/**
 * One export subcommand: `plancorpus export NAME [CORPUS_DIR] --format csv|jsonl [--bom] [--out FILE]`.
 * Exit code via process.exitCode: 0 ok, 2 usage or fatal error (bad option, no readable corpus at
 * CORPUS_DIR). Documents that cannot be read are skipped with a message on stderr.
 */
function exportSubcommand<T>(
  io: Io,
  name: string,
  description: string,
  defaultFormat: ExportFormat,
  schema: z.ZodType<T>,
  render: (docs: T[], format: ExportFormat, bom: boolean) => string,
): Command {
  return new Command(name)
    .description(description)
    .argument('[CORPUS_DIR]', 'corpus folder (with index.json)', 'output')
    .addOption(new Option('--format <format>', 'csv or jsonl').default(defaultFormat))
    .option('--bom', 'start the CSV with a UTF-8 byte-order mark (for Excel)', false)
    .option('--out <file>', 'write to this file instead of stdout')
    .action(async (dir: string, opts: ExportOpts) => {
      const fail = (message: string): void => {
        io.stderr(`plancorpus export ${name}: ${message}\n`);
        process.exitCode = EXIT.usage;
      };
      if (!FORMATS.includes(opts.format as ExportFormat)) return fail(`--format must be csv or jsonl, not ${JSON.stringify(opts.format)}`);
      if (opts.bom && opts.format !== 'csv') return fail('--bom is for --format csv only');
      let read;
      try {
        read = await readCorpus(dir, schema);
      } catch (err) {
        return fail(`cannot read corpus ${dir}: ${err instanceof Error ? err.message : String(err)}`);
      }
      for (const p of read.problems) io.stderr(`plancorpus export ${name}: skipped ${p}\n`);
      const text = render(read.docs, opts.format as ExportFormat, opts.bom);
      if (opts.out !== undefined) await writeFile(opts.out, text, 'utf8');
      else io.stdout(text);
      process.exitCode = EXIT.ok;
    });
}

export function exportCommand(io: Io = processIo): Command {
  const cmd = new Command('export').description('Export data from a built corpus');
  cmd.addCommand(
    exportSubcommand(io, 'indicators', 'Indicator tables as one row per indicator × value column', 'csv', ExportDocument, (docs, format, bom) =>
      formatIndicators(indicatorRows(docs), format, { bom }),
    ),
  );
  cmd.addCommand(
    exportSubcommand(io, 'paragraphs', 'Passages of running text (paragraphs, list items, 专栏 items) with their heading path, for search and retrieval', 'jsonl', PlanDocument, (docs, format, bom) => {
      const rows = paragraphRows(docs);
      return format === 'csv' ? recordsToCsv(PARAGRAPH_FIELDS, rows, { bom }) : recordsToJsonl(PARAGRAPH_FIELDS, rows);
    }),
  );
  return cmd;
}
