import { Command } from 'commander';
import { diffCorpora, CorpusError, readCorpusSnapshot, formatDiffJson, formatDiffText, CATEGORIES, type Category, type CorpusSnapshot } from '../../pipeline/diff/index.js';
import { EXIT, type Io } from '../io.js';

interface DiffOpts {
  format: string;
  only?: string;
  positions?: boolean;
  quiet?: boolean;
}

/**
 * `plancorpus diff A_DIR B_DIR [--format text|json] [--only …] [--positions] [--quiet]`:
 * compare two corpus folders. Exit 0 when they do not differ, 1 when they do, 2 on a usage
 * error (bad option, missing folder, a corpus or document that does not validate).
 */
export function diffCommand(io: Io, setExit: (code: number) => void): Command {
  return new Command('diff')
    .description('compare two corpora: two versions of documents, or two pipeline runs over the same inputs')
    .argument('<a_dir>', 'the old corpus folder (with index.json)')
    .argument('<b_dir>', 'the new corpus folder')
    .option('--format <format>', 'text or json', 'text')
    .option('--only <categories>', `compare only these, comma-separated: ${CATEGORIES.join(',')}`)
    .option('--positions', 'also compare source positions (spans, offset maps) and character accounting')
    .option('-q, --quiet', 'text format: print only the ids of the documents that differ')
    .addHelpText(
      'after',
      '\nDocuments are paired by id; headings and paragraphs are aligned by content, tables by number/title,\nindicators by seq+name, boxes by title. Exit status: 0 no differences, 1 differences, 2 usage error.\n',
    )
    .action(async (aDir: string, bDir: string, opts: DiffOpts) => {
      const usage = (msg: string): void => {
        io.stderr(`plancorpus diff: ${msg}\n`);
        setExit(EXIT.usage);
      };
      if (opts.format !== 'text' && opts.format !== 'json') return usage(`--format must be text or json, not ${JSON.stringify(opts.format)}`);
      let only: Category[] | undefined;
      if (opts.only !== undefined) {
        const parts = opts.only.split(',').map((s) => s.trim()).filter(Boolean);
        const bad = parts.filter((p) => !(CATEGORIES as readonly string[]).includes(p));
        if (bad.length || !parts.length) return usage(`--only takes a comma-separated list of ${CATEGORIES.join(', ')}${bad.length ? `; unknown: ${bad.join(', ')}` : ''}`);
        only = parts as Category[];
      }
      try {
        const a: CorpusSnapshot = await readCorpusSnapshot(aDir);
        const b: CorpusSnapshot = await readCorpusSnapshot(bDir);
        const diff = diffCorpora(a, b, { only, positions: opts.positions });
        io.stdout(opts.format === 'json' ? formatDiffJson(diff) : formatDiffText(diff, { quiet: opts.quiet }));
        setExit(diff.identical ? EXIT.ok : EXIT.someFailed);
      } catch (err) {
        if (err instanceof CorpusError) return usage(err.message);
        throw err;
      }
    });
}
