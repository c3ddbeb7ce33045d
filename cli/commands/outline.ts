import { readFile } from 'node:fs/promises';
import { basename, relative } from 'node:path';
import { Command } from 'commander';
import { EXIT, UsageError, withOutputOptions, type Io, type SetExit } from '../io.js';

export function outlineCommand(io: Io, setExit: SetExit): Command {
  const cmd = new Command('outline')
    .description('print the heading tree of a source file or a corpus document (marker, title, raw line)')
    .argument('<file>', 'a source file or a document .json from a corpus')
    .option('--evidence', 'also print each metadata field with the rule and raw position it came from');
  return withOutputOptions(cmd).action(async (file: string, opts: { format: string; quiet?: boolean; evidence?: boolean }) => {
    const { formatOutline, outlineTree } = await import('../../corpus/outline.js');
    const print = (doc: import('../../schemas/document.js').PlanDocument): void =>
      io.stdout(opts.format === 'json' ? `${JSON.stringify({ id: doc.id, title: doc.meta.title, ...(opts.evidence ? { meta: doc.meta.evidence } : {}), outline: outlineTree(doc) }, null, 2)}\n` : formatOutline(doc, { evidence: opts.evidence }));
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch {
      throw new UsageError(`cannot read ${file}`);
    }
    if (file.endsWith('.json')) {
      const { PlanDocument } = await import('../../schemas/document.js');
      const r = PlanDocument.safeParse(JSON.parse(bytes.toString('utf8')));
      if (!r.success) throw new UsageError(`${file} is not a plancorpus document`);
      print(r.data);
      setExit(EXIT.ok);
      return;
    }
    const { extractDocument } = await import('../../pipeline/document.js');
    const path = relative(process.cwd(), file).split('\\').join('/') || basename(file);
    const result = await extractDocument({ path, bytes });
    if (result.status === 'failed') {
      io.stderr(`failed  ${file}: ${result.error.code}: ${result.error.message}\n`);
      setExit(EXIT.someFailed);
      return;
    }
    print(result.document);
    setExit(EXIT.ok);
  });
}
