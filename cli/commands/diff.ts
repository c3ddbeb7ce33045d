import { readFile, stat } from 'node:fs/promises';
import { Command } from 'commander';
import type { PlanDocument } from '../../schemas/document.js';
import type { IndexEntry } from '../../schemas/corpus.js';
import type { Category, CorpusSnapshot } from '../../corpus/diff/index.js';
import { CATEGORIES } from '../../corpus/diff/types.js';
import { EXIT, withOutputOptions, type Io, type SetExit } from '../io.js';
import { withReadingProgress } from '../progress.js';

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
export function diffCommand(io: Io, setExit: SetExit): Command {
  const cmd = new Command('diff')
    .description('compare two corpora: two versions of documents, or two pipeline runs over the same inputs')
    .argument('<old>', 'the old corpus folder (with index.json), or one document .json')
    .argument('<new>', 'the new corpus folder, or the document .json to compare it with')
    .option('--only <categories>', `compare only these, comma-separated: ${CATEGORIES.join(',')}`)
    .option('--positions', 'also compare source positions (spans, offset maps) and character accounting');
  return withOutputOptions(cmd)
    .addHelpText(
      'after',
      '\nDocuments are paired by id; headings and paragraphs are aligned by content, tables by number/title,\nindicators by seq+name, boxes by title. Exit status: 0 no differences, 1 differences, 2 usage error.\n',
    )
    .action(async (aDir: string, bDir: string, opts: DiffOpts) => {
      const usage = (msg: string): void => {
        io.stderr(`plancorpus diff: ${msg}\n`);
        setExit(EXIT.usage);
      };
      const { diffCorpora, CorpusError, readCorpusSnapshot, formatDiffJson, formatDiffText } = await import('../../corpus/diff/index.js');
      let only: Category[] | undefined;
      if (opts.only !== undefined) {
        const parts = opts.only.split(',').map((s) => s.trim()).filter(Boolean);
        const bad = parts.filter((p) => !(CATEGORIES as readonly string[]).includes(p));
        if (bad.length || !parts.length) return usage(`--only takes a comma-separated list of ${CATEGORIES.join(', ')}${bad.length ? `; unknown: ${bad.join(', ')}` : ''}`);
        only = parts as Category[];
      }
      try {
        const [a, b] = (await isFile(aDir)) && (await isFile(bDir)) ? await documentPair(aDir, bDir) : [await readCorpusSnapshot(aDir), await readCorpusSnapshot(bDir)];
        const diff = await withReadingProgress(io, 'comparing', opts.quiet, (step) => diffCorpora(a, withProgress(a, b, step), { only, positions: opts.positions }));
        io.stdout(opts.format === 'json' ? formatDiffJson(diff) : formatDiffText(diff, { quiet: opts.quiet }));
        setExit(diff.identical ? EXIT.ok : EXIT.someFailed);
      } catch (err) {
        if (err instanceof CorpusError) return usage(err.message);
        throw err;
      }
    });
}

/** Snapshot b, telling how many of the pairs of built documents diffCorpora has loaded (it loads each pair it compares once). */
function withProgress(a: CorpusSnapshot, b: CorpusSnapshot, progress: (done: number, total: number) => void): CorpusSnapshot {
  const built = (s: CorpusSnapshot): IndexEntry[] => s.index.documents.filter((e) => e.status === 'ok' && e.output);
  const inA = new Set(built(a).map((e) => e.id));
  const total = built(b).filter((e) => inA.has(e.id)).length;
  let done = 0;
  return {
    ...b,
    load(entry) {
      const loaded = b.load(entry);
      progress(++done, total);
      return loaded;
    },
  };
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** Two document files (two versions of one document, under any names): compared as one pair. */
async function documentPair(aFile: string, bFile: string): Promise<[CorpusSnapshot, CorpusSnapshot]> {
  const { validateDocument, formatProblems } = await import('../../pipeline/emit/validate.js');
  const { CorpusError, snapshotOf } = await import('../../corpus/diff/index.js');
  const load = async (file: string): Promise<PlanDocument> => {
    let value: unknown;
    try {
      value = JSON.parse(await readFile(file, 'utf8'));
    } catch (err) {
      throw new CorpusError(`${file}: ${err instanceof Error ? err.message : String(err)}`, file);
    }
    const r = validateDocument(value);
    if (!r.ok) throw new CorpusError(`${file} is not a plancorpus document: ${formatProblems(r.problems)}`, file);
    return r.document;
  };
  const a = await load(aFile);
  const b = await load(bFile);
  // pair them whatever their ids: the diff is about their content
  return [snapshotOf(aFile, [{ ...a, id: a.id }]), snapshotOf(bFile, [{ ...b, id: a.id }])];
}
