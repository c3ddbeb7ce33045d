import type { PlanDocument, Section } from '../../schemas/document.js';

/** One passage of running text with where it sits: the unit search indexes and retrieval for language models want. */
export interface ParagraphRow {
  document_id: string;
  title: string | null;
  doc_type: string;
  province: string | null;
  city: string | null;
  county: string | null;
  year: number | null;
  /** the headings above the passage, outermost first, each as printed (第一章 …, 一、…) */
  section_path: string;
  section_id: string | null;
  paragraph_id: string;
  /** paragraph, list-item, front-matter, box-item */
  kind: string;
  text: string;
  line: number;
  end_line: number;
}

export const PARAGRAPH_FIELDS: ReadonlyArray<keyof ParagraphRow> = [
  'document_id', 'title', 'doc_type', 'province', 'city', 'county', 'year', 'section_path', 'section_id', 'paragraph_id', 'kind', 'text', 'line', 'end_line',
];

const heading = (s: Section): string => `${s.marker}${s.marker ? ' ' : ''}${s.title}`;

/** Passages in document order: front matter, paragraphs, and 专栏 items where their box stands. */
export function paragraphRows(docs: readonly PlanDocument[]): ParagraphRow[] {
  return docs.flatMap(paragraphRowsOf);
}

/** One document's passages, in its order: front matter, paragraphs, and 专栏 items where their box stands. */
export function paragraphRowsOf(doc: PlanDocument): ParagraphRow[] {
  const rows: ParagraphRow[] = [];
  const base = {
    document_id: doc.id,
    title: doc.meta.title,
    doc_type: doc.meta.docType,
    province: doc.meta.region.province,
    city: doc.meta.region.city,
    county: doc.meta.region.county,
    year: doc.meta.year,
  };
  const boxes = new Map(doc.boxes.map((b) => [b.id, b]));
  for (const p of doc.frontMatter?.paragraphs ?? []) {
    rows.push({ ...base, section_path: '', section_id: null, paragraph_id: p.id, kind: 'front-matter', text: p.text, line: p.source.line, end_line: p.source.endLine });
  }
  for (const p of doc.paragraphs) {
    rows.push({ ...base, section_path: '', section_id: null, paragraph_id: p.id, kind: p.kind, text: p.text, line: p.source.line, end_line: p.source.endLine });
  }
  const walk = (sections: readonly Section[], path: string[]): void => {
    for (const s of sections) {
      const here = [...path, heading(s)];
      const sectionPath = here.join(' › ');
      const passages = [
        ...s.paragraphs.map((p) => ({ at: p.source.offset, row: { ...base, section_path: sectionPath, section_id: s.id, paragraph_id: p.id, kind: p.kind, text: p.text, line: p.source.line, end_line: p.source.endLine } })),
        ...s.boxes.flatMap((id) => {
          const b = boxes.get(id);
          if (!b) return [];
          return b.items.map((it, k) => ({
            at: it.source.offset,
            row: { ...base, section_path: `${sectionPath} › 专栏 ${b.title}`, section_id: s.id, paragraph_id: `${b.id}-${k + 1}`, kind: 'box-item', text: it.title ? `${it.title}。${it.text}` : it.text, line: it.source.line, end_line: it.source.endLine },
          }));
        }),
      ].sort((x, y) => x.at - y.at);
      for (const p of passages) rows.push(p.row);
      walk(s.children, here);
    }
  };
  walk(doc.sections, []);
  return rows;
}
