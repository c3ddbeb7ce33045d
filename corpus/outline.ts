import type { PlanDocument, Section } from '../schemas/document.js';
import { formatEvidence } from './meta-evidence.js';

/** The heading tree as an indented outline: marker, title, raw line; boxes, tables and figures under their section. */
export function formatOutline(doc: PlanDocument, options: { evidence?: boolean } = {}): string {
  const out: string[] = [];
  const title = doc.meta.title ?? doc.id;
  out.push(`${title}  [${doc.meta.docType}${doc.meta.region.county ?? doc.meta.region.city ?? doc.meta.region.province ? ` · ${[doc.meta.region.province, doc.meta.region.city, doc.meta.region.county].filter(Boolean).join('/')}` : ''}${doc.meta.date ? ` · ${doc.meta.date}` : ''}]`);
  if (options.evidence) out.push(...formatEvidence(doc.meta));
  const boxes = new Map(doc.boxes.map((b) => [b.id, b]));
  const tables = new Map(doc.tables.map((t) => [t.id, t]));
  const figures = new Map(doc.figures.map((f) => [f.id, f]));
  if (doc.frontMatter) out.push(`(front matter)  L${doc.frontMatter.source.line}-${doc.frontMatter.source.endLine}`);
  if (doc.meta.toc.length > 0) out.push(`(table of contents: ${doc.meta.toc.length} entries)  L${doc.meta.toc[0].source.line}`);
  const walk = (sections: readonly Section[]): void => {
    for (const s of sections) {
      const pad = '  '.repeat(s.depth - 1);
      out.push(`${pad}${s.marker}${s.marker ? ' ' : ''}${s.title}  L${s.source.line}`);
      for (const id of s.boxes) {
        const b = boxes.get(id);
        if (b) out.push(`${pad}  [专栏] ${b.title} (${b.items.length} items)  L${b.source.line}-${b.source.endLine}`);
      }
      for (const id of s.tables) {
        const t = tables.get(id);
        if (t) out.push(`${pad}  [表${t.number ?? ''}] ${t.title} (${t.indicators.length} indicators)  L${t.source.line}-${t.source.endLine}`);
      }
      for (const id of s.figures) {
        const f = figures.get(id);
        if (f) out.push(`${pad}  [图] ${f.title}  L${f.source.line}`);
      }
      walk(s.children);
    }
  };
  walk(doc.sections);
  return `${out.join('\n')}\n`;
}

export interface OutlineNode {
  kind: Section['kind'];
  marker: string;
  title: string;
  line: number;
  boxes: number;
  tables: number;
  children: OutlineNode[];
}

/** The heading tree as data (for `outline --format json`). */
export function outlineTree(doc: PlanDocument): OutlineNode[] {
  const walk = (sections: readonly Section[]): OutlineNode[] =>
    sections.map((s) => ({ kind: s.kind, marker: s.marker, title: s.title, line: s.source.line, boxes: s.boxes.length, tables: s.tables.length, children: walk(s.children) }));
  return walk(doc.sections);
}
