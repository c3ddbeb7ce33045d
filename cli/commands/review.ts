import { Command } from 'commander';
import { CORPUS_DIR, EXIT, withOutputOptions, type Io, type SetExit } from '../io.js';

export function reviewCommand(io: Io, setExit: SetExit): Command {
  const cmd = new Command('review')
    .description('list applied corrections, open ocr-suspect diagnostics and every other warning of a built corpus, grouped by rule or code, with context')
    .argument(`<${CORPUS_DIR}>`, 'corpus folder (with index.json)')
    .option('--rule <prefix>', 'only rules starting with this prefix, e.g. ocr/')
    .option('--code <code>', 'only warnings with this code, e.g. numbering-gap or ocr-suspect');
  return withOutputOptions(cmd).action(async (dir: string, opts: { rule?: string; code?: string; format: string; quiet?: boolean }) => {
    const { formatReview, reviewItems, readReview } = await import('../../corpus/review.js');
    const { inputs, problems } = await readReview(dir);
    if (opts.format === 'json') io.stdout(`${JSON.stringify({ ...reviewItems(inputs, { rule: opts.rule, code: opts.code }), problems })}\n`);
    else io.stdout(formatReview(inputs, { rule: opts.rule, code: opts.code }));
    for (const p of problems) io.stderr(`plancorpus review: cannot read ${p.id}: ${p.message}\n`);
    setExit(problems.length > 0 ? EXIT.someFailed : EXIT.ok);
  });
}
