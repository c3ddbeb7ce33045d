import { readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { CorpusIndex } from '../../schemas/corpus.js';
import type { PlanDocument } from '../../schemas/document.js';
import { describeIssues, formatProblems, validateDocument } from '../../pipeline/emit/validate.js';
import { CorpusError, type CorpusSnapshot } from './corpus.js';

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new CorpusError(`${file} is not valid JSON: ${err instanceof Error ? err.message : String(err)}`, file);
  }
}

/**
 * Open a corpus folder for diffing: index.json is read and validated now; each document is read
 * (and validated against the schema) only when the diff reaches it. Errors are CorpusErrors that
 * name the file.
 */
export async function readCorpusSnapshot(dir: string): Promise<CorpusSnapshot> {
  let st;
  try {
    st = await stat(dir);
  } catch {
    throw new CorpusError(`${dir}: no such folder`, dir);
  }
  if (!st.isDirectory()) throw new CorpusError(`${dir} is not a folder`, dir);
  const indexFile = join(dir, 'index.json');
  let text: string;
  try {
    text = await readFile(indexFile, 'utf8');
  } catch {
    throw new CorpusError(`${dir} has no index.json: not a corpus folder`, indexFile);
  }
  const value = parseJson(text, indexFile);
  const parsed = CorpusIndex.safeParse(value);
  if (!parsed.success) throw new CorpusError(`${indexFile} does not validate: ${formatProblems(describeIssues(value, parsed.error))}`, indexFile);
  const seen = new Set<string>();
  for (const e of parsed.data.documents) {
    if (seen.has(e.id)) throw new CorpusError(`${indexFile} lists document ${e.id} twice`, indexFile);
    seen.add(e.id);
    if (e.status === 'ok' && !e.output) throw new CorpusError(`${indexFile}: document ${e.id} is ok but has no output file`, indexFile);
  }
  return {
    label: dir,
    index: parsed.data,
    load(entry) {
      const file = join(dir, entry.output ?? '');
      let docText: string;
      try {
        docText = readFileSync(file, 'utf8');
      } catch {
        throw new CorpusError(`cannot read ${file} (document ${entry.id} of ${indexFile})`, file);
      }
      let doc: PlanDocument | null = null;
      return {
        text: docText,
        document() {
          if (doc) return doc;
          const r = validateDocument(parseJson(docText, file));
          if (!r.ok) throw new CorpusError(`${file} does not validate: ${formatProblems(r.problems)}`, file);
          if (r.document.id !== entry.id) throw new CorpusError(`${file} holds document ${r.document.id}, but ${indexFile} says ${entry.id}`, file);
          doc = r.document;
          return doc;
        },
      };
    },
  };
}
