import { LineIndex } from '../core/provenance/line-index.js';
import { PlanDocument, type Paragraph, type Section } from '../schemas/document.js';
import type { SourceSpan } from '../schemas/source.js';

/**
 * The invariants every document must hold (textlint's ast-tester idea), checked over real output:
 * spans agree with the raw text, come in order, text differs from raw only where a correction says
 * so, and every visible raw character ends up in an item or an accounted removal.
 */
export function checkInvariants(doc: PlanDocument, raw: string): string[] {
  const problems: string[] = [];
  const idx = new LineIndex(raw);
  const spans: Array<{ what: string; s: SourceSpan }> = [];
  // what counts as holding raw text: items themselves, not the whole extent of a table or box
  const cover: SourceSpan[] = [];
  const add = (what: string, s: SourceSpan, covers = true): void => {
    spans.push({ what, s });
    if (covers) cover.push(s);
    if (s.endOffset < s.offset || s.endOffset > raw.length) problems.push(`${what}: span ${s.offset}..${s.endOffset} outside the raw text`);
    const a = idx.toPoint(s.offset);
    const b = idx.toPoint(s.endOffset);
    if (a.line !== s.line || a.column !== s.column || b.line !== s.endLine || b.column !== s.endColumn) problems.push(`${what}: line/column disagree with offsets`);
  };

  const r = PlanDocument.safeParse(JSON.parse(JSON.stringify(doc)));
  if (!r.success) problems.push(`schema: ${r.error.issues[0]?.message}`);

  const ids = new Set<string>();
  const seen = (id: string): void => {
    if (ids.has(id)) problems.push(`duplicate id ${id}`);
    ids.add(id);
  };

  const correctedMask = new Uint8Array(raw.length + 1);
  for (const c of doc.corrections) correctedMask.fill(1, c.source.offset, Math.max(c.source.endOffset, c.source.offset + 1));
  const corrected = (o: number): boolean => correctedMask[o] === 1;
  const space = /[\s\u3000\u00a0]/;
  const checkParagraph = (p: Paragraph): void => {
    seen(p.id);
    add(p.id, p.source);
    for (let k = 0; k < p.map.length; k++) {
      const [t, o] = p.map[k];
      const next = k + 1 < p.map.length ? p.map[k + 1][0] : p.text.length;
      for (let i = t; i < next; i++) {
        const rawCh = raw[o + (i - t)];
        // whitespace for whitespace (a line break joining two Latin words, an ideographic space) is layout
        const layout = rawCh !== undefined && space.test(rawCh) && space.test(p.text[i]);
        if (rawCh !== p.text[i] && !layout && !corrected(o + (i - t)) && !corrected(o)) {
          problems.push(`${p.id}: text ${JSON.stringify(p.text[i])} at ${i} differs from raw ${JSON.stringify(rawCh)} at ${o + i - t} with no correction logged`);
          return;
        }
      }
    }
    for (const e of p.emphasis) {
      if (p.text.slice(e.start, e.end) !== e.text) problems.push(`${p.id}: emphasis text disagrees with its offsets`);
      add(`${p.id} emphasis`, e.source);
    }
  };

  let lastParagraph = -1;
  const ordered = (p: Paragraph): void => {
    if (p.source.offset < lastParagraph) problems.push(`${p.id}: out of document order`);
    lastParagraph = p.source.offset;
  };
  for (const p of doc.frontMatter?.paragraphs ?? []) (checkParagraph(p), ordered(p));
  for (const p of doc.paragraphs) (checkParagraph(p), ordered(p));
  let lastHeading = -1;
  const walk = (xs: readonly Section[]): void => {
    for (const s of xs) {
      seen(s.id);
      add(s.id, s.source);
      if (s.source.offset < lastHeading) problems.push(`${s.id}: heading out of order`);
      lastHeading = s.source.offset;
      for (const p of s.paragraphs) (checkParagraph(p), ordered(p));
      walk(s.children);
    }
  };
  walk(doc.sections);
  const lineSpan = (s: SourceSpan): SourceSpan => {
    const end = idx.lineEnd(s.line);
    return { ...idx.span(s.offset, end) };
  };
  for (const b of doc.boxes) {
    seen(b.id);
    add(b.id, b.source, false);
    add(`${b.id} marker`, lineSpan(b.source));
    for (const it of b.items) add(`${b.id} item`, it.source);
  }
  for (const t of doc.tables) {
    seen(t.id);
    add(t.id, t.source, false);
    add(`${t.id} caption`, lineSpan(t.source));
    for (const row of t.rawRows) {
      add(`${t.id} row`, row.source);
      // a row is its raw line, or, cut from a longer line (a body scraped onto one line), its own raw span
      const ownSpan = raw.slice(row.source.offset, row.source.endOffset);
      if (idx.lineText(row.source.line) !== row.raw && !(row.raw === ownSpan && row.source.line === row.source.endLine)) problems.push(`${t.id}: rawRow.raw is not raw line ${row.source.line}`);
    }
    for (const n of t.notes) add(`${t.id} note`, n.source);
    for (const ind of t.indicators) {
      add(ind.id, ind.source);
      for (const [key, q] of Object.entries(ind.values)) if (q.source) add(`${ind.id}.${key}`, q.source);
    }
  }
  for (const f of doc.figures) (seen(f.id), add(f.id, f.source));
  for (const e of doc.meta.toc) add('toc', e.source);
  // metadata evidence points at raw text that holds what was read (not a part of the output text)
  for (const [field, e] of Object.entries(doc.meta.evidence)) {
    if (!e?.source) continue;
    add(`meta.evidence.${field}`, e.source, false);
    if (e.source.endOffset <= e.source.offset || raw.slice(e.source.offset, e.source.endOffset).trim() === '') problems.push(`meta.evidence.${field}: empty raw span`);
  }
  for (const p of doc.pages) add('page', p.source);
  for (const f of doc.frontMatter ? [doc.frontMatter] : []) add('front matter', f.source, false);
  for (const c of doc.corrections) add(`correction ${c.rule}`, c.source);
  for (const m of doc.removals) {
    add(`removal ${m.rule}`, m.source);
    if (raw.slice(m.source.offset, m.source.endOffset) !== m.text) problems.push(`removal ${m.rule} at ${m.source.line}: text is not the raw slice`);
  }
  for (const d of doc.diagnostics) if (d.source) add(`diagnostic ${d.code}`, d.source);
  for (const f of doc.facts) {
    seen(f.id);
    add(f.id, f.source, false);
    if (raw.slice(f.source.offset, f.source.endOffset) !== f.raw) problems.push(`${f.id}: raw is not the raw slice of its source`);
    for (const [what, q] of [['value', f.value], ['change', f.change?.quantity]] as const) {
      if (!q?.source) continue;
      add(`${f.id} ${what}`, q.source, false);
      if (q.source.offset < f.source.offset || q.source.endOffset > f.source.endOffset) problems.push(`${f.id}: ${what} outside the fact's span`);
    }
  }

  // nothing lost silently: every visible raw character lies in some item or removal
  const covered = new Uint8Array(raw.length + 1);
  for (const s of cover) covered.fill(1, s.offset, s.endOffset);
  for (let o = 0; o < raw.length; o++) {
    if (!covered[o] && !/[\s\u200b-\u200d\u2060\ufeff]/.test(raw[o])) {
      const p = idx.toPoint(o);
      problems.push(`raw character ${JSON.stringify(raw[o])} at line ${p.line}, column ${p.column} is in no item and no removal`);
      break;
    }
  }
  return problems;
}
