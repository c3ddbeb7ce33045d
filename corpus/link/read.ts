import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { JSONParser, TokenType } from '@streamparser/json';
import { Link, LinksFile, LinksHead } from '../../schemas/link.js';
import { CorpusError, type ReadProgress } from '../store.js';
import { describeIssues, formatProblems } from '../../pipeline/emit/validate.js';

const CHUNK = 1 << 20;
const KEYS: ReadonlySet<string> = new Set(Object.keys(LinksFile.shape));

/**
 * Read a links.json link by link, each checked against the Link schema and handed to `onLink` in file
 * order, without holding the file or its links (a streaming JSON parser, @streamparser/json, emits
 * each item of the links array and forgets it). 258 MB of links (125,000) were read in ~12 s within
 * ~80 MB, where JSON.parse of the whole file took 5 s and ~950 MB. The rest of the file (schema
 * version, regions, unplaced documents) is checked too and returned.
 * The file is read `chunkBytes` at a time (1 MB); `progress` is told the bytes read and the file's
 * size after each read. Throws CorpusError when the file cannot be read, is not JSON, or a link or
 * the rest does not validate (which link, which field); an error thrown by onLink, as it is.
 */
export function readLinksFile(file: string, onLink: (link: Link, index: number) => void, opts: { progress?: ReadProgress; chunkBytes?: number } = {}): LinksHead {
  const chunkBytes = opts.chunkBytes ?? CHUNK;
  const head: Record<string, unknown> = {};
  let count = 0;
  // the first thing that went wrong: the file's fault (CorpusError), or onLink's own error, thrown as it is
  let failure: Error | null = null;
  const parser = new JSONParser({ paths: ['$.schemaVersion', '$.regions', '$.unplaced', '$.links.*'], keepStack: false });
  parser.onValue = ({ value, key, stack }) => {
    if (failure) return;
    if (stack.length === 1) {
      head[String(key)] = value;
      return;
    }
    const r = Link.safeParse(value);
    if (!r.success) {
      failure = new CorpusError(`${file}: link ${count + 1} does not validate against the links schema (${formatProblems(describeIssues(value, r.error))})`, file);
      return;
    }
    try {
      onLink(r.data, count++);
    } catch (err) {
      // the parser would report an error thrown here as its own (not valid JSON)
      failure = err instanceof Error ? err : new Error(String(err));
    }
  };
  // the top-level keys, followed by token (the parser forgets what it does not emit): the file's
  // object must hold links and nothing beyond the schema's keys, as LinksFile (strict) requires
  const keys: string[] = [];
  let depth = 0;
  let expectKey = false;
  let empty = true;
  parser.onToken = ({ token, value }) => {
    empty = false;
    if (token === TokenType.LEFT_BRACE || token === TokenType.LEFT_BRACKET) {
      depth++;
      expectKey = depth === 1 && token === TokenType.LEFT_BRACE;
    } else if (token === TokenType.RIGHT_BRACE || token === TokenType.RIGHT_BRACKET) depth--;
    else if (depth === 1) {
      if (token === TokenType.COMMA) expectKey = true;
      else if (token === TokenType.STRING && expectKey) {
        keys.push(String(value));
        expectKey = false;
      }
    }
  };
  parser.onError = (err) => {
    failure ??= new CorpusError(`${file} is not valid JSON: ${err.message}`, file);
  };
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (err) {
    throw new CorpusError(`${file} cannot be read: ${err instanceof Error ? err.message : String(err)}`, file);
  }
  try {
    const chunk = Buffer.allocUnsafe(chunkBytes);
    const size = fstatSync(fd).size;
    let read = 0;
    for (let n = readSync(fd, chunk, 0, chunkBytes, null); n > 0 && !failure; n = readSync(fd, chunk, 0, chunkBytes, null)) {
      parser.write(chunk.subarray(0, n));
      read += n;
      opts.progress?.(read, size);
    }
    if (!failure && !parser.isEnded) parser.end();
  } finally {
    closeSync(fd);
  }
  if (failure) throw failure;
  if (empty) throw new CorpusError(`${file} is not valid JSON: it holds no value`, file);
  const unknown = keys.filter((k) => !KEYS.has(k));
  if (unknown.length > 0 || !keys.includes('links')) {
    throw new CorpusError(`${file} does not validate against the links schema (${unknown.length > 0 ? `unknown key ${unknown.join(', ')}` : 'links: missing'})`, file);
  }
  const r = LinksHead.safeParse(head);
  if (!r.success) throw new CorpusError(`${file} does not validate against the links schema (${formatProblems(describeIssues(head, r.error))})`, file);
  return r.data;
}
