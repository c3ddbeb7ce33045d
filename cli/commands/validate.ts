import { Command } from 'commander';
import { CORPUS_DIR, EXIT, UsageError, withOutputOptions, type Io, type SetExit } from '../io.js';
import { withReadingProgress } from '../progress.js';

export function validateCommand(io: Io, setExit: SetExit): Command {
  const cmd = new Command('validate').description('check an existing corpus folder against the schemas').argument(`[${CORPUS_DIR}]`, 'corpus folder (with index.json)', 'output');
  return withOutputOptions(cmd).action(async (dir: string, opts: { quiet?: boolean; format: string }) => {
    const { validateCorpus } = await import('../../corpus/validate.js');
    const { CorpusError } = await import('../../corpus/store.js');
    let r;
    try {
      r = await withReadingProgress(io, 'validating', opts.quiet, (step) => validateCorpus(dir, step));
    } catch (err) {
      if (err instanceof CorpusError) throw new UsageError(err.message);
      throw err;
    }
    if (opts.format === 'json') io.stdout(`${JSON.stringify({ documents: r.documents, valid: r.valid, problems: r.problems })}\n`);
    else {
      for (const p of r.problems) io.stdout(`invalid  ${p.id}: ${p.message}\n`);
      if (!opts.quiet) io.stdout(`${r.valid} of ${r.documents} documents valid\n`);
    }
    setExit(r.problems.length > 0 ? EXIT.someFailed : EXIT.ok);
  });
}
