/**
 * `plancorpus review CORPUS --html OUT`: a static review site that opens from disk (no server, no
 * network). OUT/index.html lists the corpus; OUT/doc/<id>.html shows one document beside its raw
 * text. Data is written as classic scripts (OUT/data/*.js setting window.__INDEX__ / window.__DOC__),
 * because a page opened from file:// cannot fetch() JSON in Chromium.
 *
 * The raw text: for extracted inputs (PDF, .docx, HTML) the corpus keeps `<id>.source.txt`; for text
 * inputs the corpus keeps no copy, so the source file is read from the build root (`sources`, default
 * the current folder) at `source.path`, checked against the recorded sha256 and decoded as the build did.
 * A PDF is read from there too and embedded (base64, OUT/data/<id>.pdf.js) for the page view, drawn
 * by pdf.js bundled as one classic script (OUT/assets/pdfjs.js, loaded only when a page is opened).
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeText } from '../../pipeline/ingest/decode.js';
import type { Link } from '../../schemas/link.js';
import { readLinksFile } from '../link/read.js';
import { JsonSpill, type Spilled } from '../spill.js';
import type { PlanDocument } from '../../schemas/document.js';
import { packageFile } from '../../core/package-root.js';
import { CorpusError, openCorpus, type CorpusReader, type ReadProgress } from '../store.js';
import { docView, indexRow, type IndexRow } from './doc-view.js';

export interface SiteOptions {
  /** the build root the corpus' source paths are relative to (for text inputs' raw text) */
  readonly sources?: string;
  /** told after each document's page */
  readonly progress?: ReadProgress;
  /** told the bytes of links.json read, and its size, as it is read (before any page) */
  readonly linksProgress?: ReadProgress;
}

export interface SiteResult {
  documents: number;
  pages: number;
  /** documents whose page lacks its raw text, or which could not be read, with why */
  problems: Array<{ id: string; message: string }>;
}

/** The asset files every page loads, shipped in the package under assets/review-site/. */
const ASSETS = ['review.css', 'index-page.js', 'doc-page.js'] as const;

/** The raw text a document's spans point into, or why it is not available. */
export function rawTextOf(corpusDir: string, doc: PlanDocument, sources: string): { text: string | null; note: string | null } {
  const extracted = doc.source.extracted;
  const file = extracted ? join(corpusDir, extracted.path) : join(sources, doc.source.path);
  const expected = extracted ? extracted.sha256 : doc.source.sha256;
  if (!existsSync(file)) return { text: null, note: `raw text not found: ${file}${extracted ? '' : ' (give the build root with --sources DIR)'}` };
  const bytes = readFileSync(file);
  if (createHash('sha256').update(bytes).digest('hex') !== expected) return { text: null, note: `${file} has changed since the build (sha256 differs): positions would be wrong` };
  if (extracted) return { text: bytes.toString('utf8'), note: null };
  try {
    return { text: decodeText(bytes).text, note: null };
  } catch (err) {
    return { text: null, note: `${file} cannot be decoded: ${err instanceof Error ? err.message : String(err)}` };
  }
}

/** The PDF itself, for the page view: read from the build root and checked against the recorded sha256; null when absent or changed. */
function pdfBytesOf(doc: PlanDocument, sources: string): Buffer | null {
  if (doc.source.format !== 'pdf') return null;
  const file = join(sources, doc.source.path);
  if (!existsSync(file)) return null;
  const bytes = readFileSync(file);
  return createHash('sha256').update(bytes).digest('hex') === doc.source.sha256 ? bytes : null;
}

/**
 * The corpus's links (links.json, when `plancorpus link` wrote one), found by document: each link is
 * set aside in a scratch file (JsonSpill) as links.json is read, and only where it stands is kept,
 * under its target's document and its reported value's, in file order. So the site holds one page's
 * links, not the file's: on 5,000 synthetic documents with 125,000 links (238 MB), 230–280 MB peak
 * RSS and 41–59 s, against 1.1–2.6 GB and 32–44 s reading the file whole. Looked up per page, not
 * filtered from all links for every page (88 s instead of 24 s on 5,000 documents that way).
 */
class LinksByDocument {
  private readonly spill = new JsonSpill<Link>('review');
  private readonly byDocument = new Map<string, Spilled[]>();

  constructor(corpusDir: string, progress?: ReadProgress) {
    const file = join(corpusDir, 'links.json');
    if (!existsSync(file)) return;
    try {
      readLinksFile(file, (l) => {
        const where = this.spill.put(l);
        this.add(l.target.docId, where);
        if (l.reported.docId !== l.target.docId) this.add(l.reported.docId, where);
      }, { progress });
    } catch (err) {
      this.remove();
      throw err;
    }
  }

  private add(id: string, where: Spilled): void {
    const list = this.byDocument.get(id);
    if (list) list.push(where);
    else this.byDocument.set(id, [where]);
  }

  /** The links of a document, in file order. */
  of(id: string): Link[] {
    return this.spill.getAll(this.byDocument.get(id) ?? []);
  }

  remove(): void {
    this.spill.remove();
  }
}

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);

function shell(title: string, up: string, scripts: string[]): string {
  return [
    '<!doctype html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(title)}</title>`,
    `<link rel="stylesheet" href="${up}assets/review.css">`,
    '</head>',
    '<body>',
    '<div id="app"><noscript>This review page needs JavaScript.</noscript></div>',
    ...scripts.map((s) => `<script src="${esc(s)}"></script>`),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

const dataScript = (name: string, value: unknown) => `window.${name} = ${JSON.stringify(value)};\n`;

/** Write the site; deterministic (same corpus and sources → same bytes). */
export async function buildReviewSite(corpusDir: string, outDir: string, opts: SiteOptions = {}): Promise<SiteResult> {
  const corpus = await openCorpus(corpusDir);
  const sources = opts.sources ?? process.cwd();
  const links = new LinksByDocument(corpusDir, opts.linksProgress);
  try {
    return writeSite(corpus, outDir, sources, links, opts);
  } finally {
    links.remove();
  }
}

function writeSite(corpus: CorpusReader, outDir: string, sources: string, links: LinksByDocument, opts: SiteOptions): SiteResult {
  for (const d of ['assets', 'data', 'doc']) mkdirSync(join(outDir, d), { recursive: true });
  for (const a of ASSETS) copyFileSync(packageFile(`assets/review-site/${a}`), join(outDir, 'assets', a));

  const rows: IndexRow[] = [];
  const problems: SiteResult['problems'] = [];
  let pages = 0;
  let pdfjsCopied = false;
  for (const entry of corpus.index.documents) {
    let doc: PlanDocument | null = null;
    if (entry.status === 'ok') {
      try {
        doc = corpus.document(entry);
      } catch (err) {
        if (!(err instanceof CorpusError)) throw err;
        problems.push({ id: entry.id, message: err.message });
      }
    }
    if (!doc) {
      rows.push(indexRow(entry, null, null));
      continue;
    }
    const raw = rawTextOf(corpus.dir, doc, sources);
    if (raw.note) problems.push({ id: doc.id, message: raw.note });
    const pdf = pdfBytesOf(doc, sources);
    if (doc.source.format === 'pdf' && !pdf) problems.push({ id: doc.id, message: `${join(sources, doc.source.path)} not found or changed since the build: no PDF page view (the extracted text is shown)` });
    if (pdf) {
      if (!pdfjsCopied) copyFileSync(packageFile('dist/review-site/pdfjs.js'), join(outDir, 'assets', 'pdfjs.js'));
      pdfjsCopied = true;
      writeFileSync(join(outDir, 'data', `${doc.id}.pdf.js`), dataScript('__PDF__', pdf.toString('base64')));
    }
    const view = { ...docView(doc, raw, links.of(doc.id)), pdf: pdf ? { data: `../data/${doc.id}.pdf.js`, lib: '../assets/pdfjs.js' } : null };
    writeFileSync(join(outDir, 'data', `${doc.id}.js`), dataScript('__DOC__', view));
    writeFileSync(join(outDir, 'doc', `${doc.id}.html`), shell(view.title, '../', [`../data/${doc.id}.js`, '../assets/doc-page.js']));
    pages += 1;
    rows.push(indexRow(entry, doc, `doc/${doc.id}.html`));
    opts.progress?.(rows.length, corpus.index.documents.length);
  }
  writeFileSync(join(outDir, 'data', 'index.js'), dataScript('__INDEX__', { tool: corpus.index.tool, documents: rows }));
  writeFileSync(join(outDir, 'index.html'), shell('plancorpus review', '', ['data/index.js', 'assets/index-page.js']));
  return { documents: rows.length, pages, problems };
}
