/**
 * Markdown inputs (.md): the raw text stays the Markdown source (every position points into it);
 * this step removes its syntax as logged edits so the text stages see plain paragraphs:
 * YAML front matter (its fields kept as metadata evidence), "#" heading marks, ">" quote marks,
 * link targets, and pipe tables turned into tab-separated rows (the delimiter row removed).
 * Blocks are found with markdown-it (its token line maps); **bold** is left to the markup step.
 */
import { createRequire } from 'node:module';
import type MarkdownIt from 'markdown-it';
import type * as Yaml from 'yaml';
import type { DocContext } from '../../core/context.js';
import type { Edit, MappedText } from '../../core/provenance/mapped-text.js';
import { FORMAT_EXTENSIONS } from '../ingest/format.js';

// markdown-it and yaml are loaded by the first Markdown input, not by every build
const require = createRequire(import.meta.url);
let parser: MarkdownIt | null = null;
const md = (): MarkdownIt => (parser ??= new (require('markdown-it') as typeof MarkdownIt)('commonmark').enable('table'));
const parseYaml = (text: string): unknown => (require('yaml') as typeof Yaml).parse(text);

/** Is the document a Markdown input (by the extension its format was read from)? */
export const isMarkdownPath = (path: string): boolean => FORMAT_EXTENSIONS.md.includes(path.slice(path.lastIndexOf('.') + 1).toLowerCase());

const FRONT_MATTER = /^(?:\ufeff)?---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/;

/** The YAML front matter at the start of a Markdown text: its fields (strings only) and where it ends. */
export function frontMatter(text: string): { fields: Record<string, string>; end: number } | null {
  const m = FRONT_MATTER.exec(text);
  if (!m) return null;
  let data: unknown;
  try {
    data = parseYaml(m[1]);
  } catch {
    // collectors write front matter that is not valid YAML ("文号: -"): read it as "key: value" lines
    const lines = m[1].split('\n').filter((l) => l.trim() !== '');
    const pairs = lines.map((l) => /^([^:：\s][^:：]*?)\s*[:：][ \t]?(.*)$/.exec(l));
    if (pairs.some((p) => p === null)) return null;
    data = Object.fromEntries(pairs.map((p) => [p![1], p![2].trim()]));
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return null;
  const fields: Record<string, string> = {};
  for (const [k, v] of Object.entries(data as Record<string, unknown>)) if (typeof v === 'string' || typeof v === 'number') fields[k] = String(v);
  return { fields, end: m[0].length };
}

/** Offsets of the start of each line. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** Edits that strip Markdown syntax from the text (front matter excluded: see frontMatter). */
export function markdownEdits(text: string, from = 0): Edit[] {
  const edits: Edit[] = [];
  const body = text.slice(from);
  const starts = lineStarts(body).map((s) => s + from);
  const lineText = (l: number): string => text.slice(starts[l], (starts[l + 1] ?? text.length + 1) - 1);
  const remove = (start: number, end: number, rule: string): void => void (end > start && edits.push({ start, end, replacement: '', rule, kind: 'removal' }));
  const tokens = md().parse(body, {});
  const quoted = new Set<number>();
  for (const t of tokens) {
    if (!t.map) continue;
    const [a, b] = t.map;
    if (t.type === 'heading_open') {
      const m = /^ {0,3}#{1,6}[ \t]+/.exec(lineText(a));
      if (m) remove(starts[a], starts[a] + m[0].length, 'markup/heading');
      const close = /[ \t]+#+[ \t]*$/.exec(lineText(a));
      if (close) remove(starts[a] + close.index, starts[a] + lineText(a).length, 'markup/heading');
    } else if (t.type === 'blockquote_open') {
      for (let l = a; l < b; l++) {
        if (quoted.has(l)) continue;
        quoted.add(l);
        const m = /^ {0,3}(?:>[ \t]?)+/.exec(lineText(l));
        if (m) remove(starts[l], starts[l] + m[0].length, 'markup/blockquote');
      }
    } else if (t.type === 'table_open') {
      for (let l = a; l < b; l++) {
        const line = lineText(l);
        if (l === a + 1) {
          remove(starts[l], starts[l] + line.length + 1, 'markup/table-delimiter');
          continue;
        }
        // cells: the pipes between them become tabs, the outer pipes go
        const lead = /^\s*\|\s*/.exec(line);
        const trail = /\s*\|\s*$/.exec(line);
        const inner0 = lead ? lead[0].length : 0;
        const inner1 = trail && trail.index >= inner0 ? trail.index : line.length;
        if (lead) remove(starts[l], starts[l] + inner0, 'markup/table-pipe');
        for (const p of line.slice(inner0, inner1).matchAll(/\s*(?<!\\)\|\s*/g)) {
          edits.push({ start: starts[l] + inner0 + p.index, end: starts[l] + inner0 + p.index + p[0].length, replacement: '\t', rule: 'layout/table-pipe', kind: 'layout' });
        }
        if (trail && trail.index >= inner0) remove(starts[l] + inner1, starts[l] + line.length, 'markup/table-pipe');
      }
    }
  }
  // links and images: keep the text, drop the brackets and the target
  for (const m of body.matchAll(/!?\[([^\]\n]*)\]\(([^()\s]*(?:\([^()\s]*\))?[^()\s]*)(?:\s+"[^"\n]*")?\)/g)) {
    const s = from + m.index;
    const textStart = s + m[0].indexOf('[') + 1;
    remove(s, textStart, 'markup/link');
    remove(textStart + m[1].length, s + m[0].length, 'markup/link');
  }
  return edits.sort((x, y) => x.start - y.start || x.end - y.end);
}

/** Strip the Markdown syntax of a .md input; front matter fields are reported as metadata evidence. */
export function removeMarkdownSyntax(mt: MappedText, doc: DocContext): MappedText {
  if (!isMarkdownPath(doc.path)) return mt;
  const fm = frontMatter(mt.text);
  const edits: Edit[] = [];
  if (fm) {
    edits.push({ start: 0, end: fm.end, replacement: '', rule: 'markup/front-matter', kind: 'removal' });
    for (const [name, value] of Object.entries(fm.fields)) {
      if (value.trim() === '' || value.trim() === '-') continue;
      const at = mt.text.indexOf(value);
      const span = at >= 0 && at < fm.end ? doc.span(mt.starts[at], mt.ends[at + value.length - 1]) : null;
      doc.report('info', 'front-matter-field', `${name}: ${value} (from the Markdown front matter, kept as metadata evidence)`, span, { actual: value, expected: name });
    }
  }
  edits.push(...markdownEdits(mt.text, fm?.end ?? 0));
  return doc.edit(mt, edits);
}
