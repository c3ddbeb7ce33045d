import { readFile } from 'node:fs/promises';
import { basename, relative } from 'node:path';
import { Command } from 'commander';
import { PlanDocument } from '../../schemas/document.js';
import { processDocument } from '../../pipeline/document.js';
import { documentId } from '../../pipeline/emit/document-id.js';
import { formatOutline, outlineTree } from '../../corpus/outline.js';
import { ocrHooks } from '../../pipeline/normalize/ocr/step.js';
import { EXIT, type Io } from '../io.js';
import { UsageError } from './build.js';

export function outlineCommand(io: Io, setExit: (code: number) => void): Command {
  return new Command('outline')
    .description('print the heading tree of a source file or a corpus document (marker, title, raw line)')
    .argument('<file>', 'a .txt/.pdf source or a document .json from a corpus')
    .option('--format <format>', 'text or json', 'text')
    .option('--evidence', 'also print each metadata field with the rule and raw position it came from')
    .action(async (file: string, opts: { format: string; evidence?: boolean }) => {
      if (opts.format !== 'text' && opts.format !== 'json') throw new UsageError(`--format must be text or json, not ${opts.format}`);
      const print = (doc: PlanDocument): void => io.stdout(opts.format === 'json' ? `${JSON.stringify({ id: doc.id, title: doc.meta.title, ...(opts.evidence ? { meta: doc.meta.evidence } : {}), outline: outlineTree(doc) }, null, 2)}\n` : formatOutline(doc, { evidence: opts.evidence }));
      let bytes: Buffer;
      try {
        bytes = await readFile(file);
      } catch {
        throw new UsageError(`cannot read ${file}`);
      }
      if (file.endsWith('.json')) {
        const r = PlanDocument.safeParse(JSON.parse(bytes.toString('utf8')));
        if (!r.success) throw new UsageError(`${file} is not a plancorpus document`);
        print(r.data);
        return;
      }
      const path = relative(process.cwd(), file).split('\\').join('/') || basename(file);
      const result = await processDocument(documentId(path), path, bytes, { hooks: ocrHooks() });
      if (result.status === 'failed') {
        io.stderr(`failed  ${file}: ${result.error.code}: ${result.error.message}\n`);
        setExit(EXIT.someFailed);
        return;
      }
      print(result.document);
    });
}
