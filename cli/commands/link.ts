import { Command } from 'commander';
import { CORPUS_DIR, EXIT, UsageError, withOutputOptions, type Io, type SetExit } from '../io.js';
import { withReadingProgress } from '../progress.js';

/**
 * `plancorpus link CORPUS_DIR [-o DIR]`: plan targets tied to the values later reports give for the
 * same region, written as links.json (schema: `plancorpus schema --of links`) and links.csv.
 */
export function linkCommand(io: Io, setExit: SetExit): Command {
  const cmd = new Command('link')
    .description('tie plan targets to the values reported for the same region in a built corpus: links.json and links.csv')
    .argument(`<${CORPUS_DIR}>`, 'corpus folder (with index.json)')
    .option('-o, --out <dir>', 'output folder (default: the corpus folder)')
    .option('--bom', 'start the CSV with a UTF-8 byte-order mark (for Excel)', false);
  return withOutputOptions(cmd).action(async (dir: string, opts: { out?: string; bom: boolean; quiet?: boolean; format: string }) => {
    const { linkCorpus } = await import('../../corpus/link/run.js');
    const { CorpusError } = await import('../../corpus/store.js');
    let r;
    try {
      r = await withReadingProgress(io, 'reading', opts.quiet, (step) => linkCorpus(dir, opts.out ?? dir, { bom: opts.bom, progress: step }));
    } catch (err) {
      if (err instanceof CorpusError) throw new UsageError(err.message);
      throw err;
    }
    for (const p of r.problems) io.stderr(`plancorpus link: skipped ${p}\n`);
    const { regions, unplaced, links, verdicts } = r.summary;
    const summary = { regions, unplaced, links, met: verdicts.met, notMet: verdicts['not-met'], unknown: verdicts.unknown, written: r.written };
    if (opts.format === 'json') io.stdout(`${JSON.stringify(summary)}\n`);
    else if (!opts.quiet) io.stdout(`${summary.links} links in ${summary.regions} regions (${summary.met} met, ${summary.notMet} not met, ${summary.unknown} unknown); ${summary.unplaced} documents without a region\n${r.written.join('\n')}\n`);
    setExit(r.problems.length > 0 ? EXIT.someFailed : EXIT.ok);
  });
}
