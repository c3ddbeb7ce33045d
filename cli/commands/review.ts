import { Command } from 'commander';
import { CORPUS_DIR, EXIT, withOutputOptions, type Io, type SetExit } from '../io.js';
import { ReadingProgress, withReadingProgress } from '../progress.js';

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
      // two lines in turn: links.json read (in MB), then the pages written, each with its own rate
      const links = new ReadingProgress(io, 'reading links.json', { quiet: opts.quiet, unit: 'MB' });
      const shown: { pages: ReadingProgress | null } = { pages: null };
      const mb = (bytes: number): number => Math.round(bytes / 2 ** 20);
      let r;
      try {
        r = await buildReviewSite(dir, site, {
          sources: opts.sources,
          linksProgress: (read, size) => links.step(mb(read), mb(size)),
          progress: (done, total) => {
            if (!shown.pages) {
              links.stop();
              shown.pages = new ReadingProgress(io, 'writing pages', { quiet: opts.quiet });
            }
            shown.pages.step(done, total);
          },
        });
      } finally {
        links.stop();
        shown.pages?.stop();
      }
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
