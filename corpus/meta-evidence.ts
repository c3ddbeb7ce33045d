import type { Meta, MetaEvidence } from '../schemas/document.js';

/** One line per metadata field with the rule that set it, where (raw line:column) and what it read. */
export function formatEvidence(meta: Meta): string[] {
  const region = [meta.region.province, meta.region.city, meta.region.county].filter(Boolean).join('/') || (meta.evidence.region?.rule === 'national' ? '(national)' : null);
  const rows: Array<[string, string | number | null, MetaEvidence | null]> = [
    ['title', meta.title, meta.evidence.title],
    ['docType', meta.docType, meta.evidence.docType],
    ['region', region, meta.evidence.region],
    ['period', meta.period ? `${meta.period.start}–${meta.period.end}` : null, meta.evidence.period],
    ['year', meta.year, meta.evidence.year],
    ['date', meta.date, meta.evidence.date],
    ['speaker', meta.speaker ? `${meta.speaker.title ?? ''} ${meta.speaker.name}`.trim() : null, meta.evidence.speaker],
    ['issuer', meta.issuer, meta.evidence.issuer],
  ];
  return rows.map(([field, value, ev]) => {
    if (!ev) return `  ${field}: ${value ?? '—'}`;
    const where = ev.source ? ` L${ev.source.line}:${ev.source.column}` : '';
    const flags = [ev.inferred ? 'inferred' : '', ev.confidence === 'low' ? 'low confidence' : ''].filter(Boolean).join(', ');
    const text = ev.text.length > 40 ? `${ev.text.slice(0, 40)}…` : ev.text;
    return `  ${field}: ${value ?? '—'}  ← ${ev.rule}${where} 「${text.trim()}」${flags ? ` (${flags})` : ''}`;
  });
}
