import { writeFile } from 'node:fs/promises';
import { Command, Option } from 'commander';
import { formatIndicators, recordsToCsv, recordsToJsonl, type ExportFormat } from '../../pipeline/export/format.js';
import { paragraphRows, PARAGRAPH_FIELDS } from '../../pipeline/export/paragraph-rows.js';
import { PlanDocument } from '../../schemas/document.js';
import { indicatorRows } from '../../pipeline/export/indicator-rows.js';
import { readCorpus } from '../../pipeline/export/read-corpus.js';
import { EXIT, processIo, type Io } from '../io.js';

const FORMATS: readonly ExportFormat[] = ['csv', 'jsonl'];

/**
 * `plancorpus export indicators [CORPUS_DIR] --format csv|jsonl [--bom] [--out FILE]`:
 * one row per indicator × value column. Exit code via process.exitCode: 0 ok, 2 usage or
 * fatal error (bad option, no readable corpus at CORPUS_DIR). Documents that cannot be read
 * are skipped with a message on stderr.
 */
export function exportCommand(io: Io = processIo): Command {
  const cmd = new Command('export').description('Export data from a built corpus');
  cmd
    .command('indicators')
    .description('Indicator tables as one row per indicator × value column')
    .argument('[CORPUS_DIR]', 'corpus folder (with index.json)', 'output')
    .addOption(new Option('--format <format>', 'csv or jsonl').default('csv'))
    .option('--bom', 'start the CSV with a UTF-8 byte-order mark (for Excel)', false)
    .option('--out <file>', 'write to this file instead of stdout')
    .action(async (dir: string, opts: { format: string; bom: boolean; out?: string }) => {
      if (!FORMATS.includes(opts.format as ExportFormat)) {
        io.stderr(`plancorpus export indicators: --format must be csv or jsonl, not ${JSON.stringify(opts.format)}\n`);
        process.exitCode = EXIT.usage;
        return;
      }
      if (opts.bom && opts.format !== 'csv') {
        io.stderr('plancorpus export indicators: --bom is for --format csv only\n');
        process.exitCode = EXIT.usage;
        return;
      }
      let read;
      try {
        read = await readCorpus(dir);
      } catch (err) {
        io.stderr(`plancorpus export indicators: cannot read corpus ${dir}: ${err instanceof Error ? err.message : String(err)}\n`);
        process.exitCode = EXIT.usage;
        return;
      }
      for (const p of read.problems) io.stderr(`plancorpus export indicators: skipped ${p}\n`);
      const text = formatIndicators(indicatorRows(read.docs), opts.format as ExportFormat, { bom: opts.bom });
      if (opts.out !== undefined) await writeFile(opts.out, text, 'utf8');
      else io.stdout(text);
      process.exitCode = EXIT.ok;
    });
  cmd
    .command('paragraphs')
    .description('Passages of running text (paragraphs, list items, 专栏 items) with their heading path, for search and retrieval')
    .argument('[CORPUS_DIR]', 'corpus folder (with index.json)', 'output')
    .addOption(new Option('--format <format>', 'jsonl or csv').default('jsonl'))
    .option('--bom', 'start the CSV with a UTF-8 byte-order mark (for Excel)', false)
    .option('--out <file>', 'write to this file instead of stdout')
    .action(async (dir: string, opts: { format: string; bom: boolean; out?: string }) => {
      if (!FORMATS.includes(opts.format as ExportFormat)) {
        io.stderr(`plancorpus export paragraphs: --format must be jsonl or csv, not ${JSON.stringify(opts.format)}\n`);
        process.exitCode = EXIT.usage;
        return;
      }
      let read;
      try {
        read = await readCorpus(dir, PlanDocument);
      } catch (err) {
        io.stderr(`plancorpus export paragraphs: cannot read corpus ${dir}: ${err instanceof Error ? err.message : String(err)}\n`);
        process.exitCode = EXIT.usage;
        return;
      }
      for (const p of read.problems) io.stderr(`plancorpus export paragraphs: skipped ${p}\n`);
      const rows = paragraphRows(read.docs);
      const text = opts.format === 'csv' ? recordsToCsv(PARAGRAPH_FIELDS, rows, { bom: opts.bom }) : recordsToJsonl(PARAGRAPH_FIELDS, rows);
      if (opts.out !== undefined) await writeFile(opts.out, text, 'utf8');
      else io.stdout(text);
      process.exitCode = EXIT.ok;
    });
  return cmd;
}
