import { Command } from 'commander';
import { CORPUS_DIR, EXIT, withOutputOptions, type Io, type SetExit } from '../io.js';

export function reviewCommand(io: Io, setExit: SetExit): Command {
  const cmd = new Command('review')
    .description('List applied corrections and open ocr-suspect diagnostics of a built corpus, grouped by rule, with context')
    .argument(`<${CORPUS_DIR}>`, 'corpus folder (with index.json)')
    .option('--rule <prefix>', 'only rules starting with this prefix, e.g. ocr/');
  return withOutputOptions(cmd).action(async (dir: string, opts: { rule?: string; format: string; quiet?: boolean }) => {
    const { formatReview, reviewItems, readReview } = await import('../../corpus/review.js');
    const { inputs, problems } = await readReview(dir);
    if (opts.format === 'json') io.stdout(`${JSON.stringify({ ...reviewItems(inputs, { rule: opts.rule }), problems })}\n`);
    else io.stdout(formatReview(inputs, { rule: opts.rule }));
    for (const p of problems) io.stderr(`plancorpus review: cannot read ${p.id}: ${p.message}\n`);
    setExit(problems.length > 0 ? EXIT.someFailed : EXIT.ok);
  });
}
