import { Command } from 'commander';
import { CORPUS_DIR, EXIT, withOutputOptions, type Io, type SetExit } from '../io.js';
import { withReadingProgress } from '../progress.js';

export function reviewCommand(io: Io, setExit: SetExit): Command {
  const cmd = new Command('review')
    .description('list applied corrections, open ocr-suspect diagnostics and every other warning of a built corpus, grouped by rule or code, with context')
    .argument(`<${CORPUS_DIR}>`, 'corpus folder (with index.json)')
    .option('--rule <prefix>', 'only rules starting with this prefix, e.g. ocr/')
    .option('--code <code>', 'only warnings with this code, e.g. numbering-gap or ocr-suspect')
    .option('--html <out-dir>', 'write a static review site (opens from disk) to this folder instead of the listing')
    .option('--sources <dir>', 'with --html: the build root of text inputs, for their raw text (default: the current folder)');
  return withOutputOptions(cmd).action(async (dir: string, opts: { rule?: string; code?: string; format: string; quiet?: boolean; html?: string; sources?: string }) => {
    const site = opts.html;
    if (site) {
      const { buildReviewSite } = await import('../../corpus/review-site/build-site.js');
      const r = await withReadingProgress(io, 'writing pages', opts.quiet, (step) => buildReviewSite(dir, site, { sources: opts.sources, progress: step }));
      if (opts.format === 'json') io.stdout(`${JSON.stringify(r)}\n`);
      else if (!opts.quiet) io.stdout(`${r.pages} document page(s) of ${r.documents} document(s) written to ${opts.html}/ (index.html)\n`);
      for (const p of r.problems) io.stderr(`plancorpus review: ${p.id}: ${p.message}\n`);
      setExit(r.problems.length > 0 ? EXIT.someFailed : EXIT.ok);
      return;
    }
    const { formatReview, reviewItems, readReview } = await import('../../corpus/review.js');
    const { inputs, problems } = await withReadingProgress(io, 'reading', opts.quiet, (step) => readReview(dir, step));
    if (opts.format === 'json') io.stdout(`${JSON.stringify({ ...reviewItems(inputs, { rule: opts.rule, code: opts.code }), problems })}\n`);
    else io.stdout(formatReview(inputs, { rule: opts.rule, code: opts.code }));
    for (const p of problems) io.stderr(`plancorpus review: cannot read ${p.id}: ${p.message}\n`);
    setExit(problems.length > 0 ? EXIT.someFailed : EXIT.ok);
  });
}
