import type { DocContext } from '../../core/context.js';
import { rawRange, runMap, type MappedText } from '../../core/provenance/index.js';
import type { RawRow } from '../../schemas/table.js';

/**
 * Table rows of the character-normalized text [a, z) that one raw line holds several of (a body
 * scraped onto one line, split by normalization): one row per normalized line, trimmed, each
 * with its raw span and the raw text of that span (not the whole raw line, which is the document).
 */
export function splitRows(cm: MappedText, a: number, z: number, doc: DocContext): RawRow[] {
  const rows: RawRow[] = [];
  let s = a;
  while (s < z) {
    const nl = cm.text.indexOf('\n', s);
    let e = nl === -1 || nl > z ? z : nl;
    const next = e + 1;
    let b = s;
    while (b < e && /[ \t]/.test(cm.text[b])) b++;
    while (e > b && /[ \t]/.test(cm.text[e - 1])) e--;
    if (e > b) {
      const [rs, re] = rawRange(cm, b, e);
      rows.push({ text: cm.text.slice(b, e), raw: doc.raw.slice(rs, re), source: doc.span(rs, re), map: runMap(cm, b, e) });
    }
    s = next;
  }
  return rows;
}
