import type { DocContext } from '../../core/context.js';
import type { Edit, MappedText } from '../../core/provenance/mapped-text.js';

/** CRLF and lone CR become LF (layout). */
export function lineBreakEdits(text: string): Edit[] {
  const edits: Edit[] = [];
  for (let i = text.indexOf('\r'); i !== -1; i = text.indexOf('\r', i + 1)) {
    if (text[i + 1] === '\n') edits.push({ start: i, end: i + 1, replacement: '', rule: 'layout/crlf', kind: 'layout' });
    else edits.push({ start: i, end: i + 1, replacement: '\n', rule: 'layout/cr', kind: 'layout' });
  }
  return edits;
}

export function normalizeLineBreaks(mt: MappedText, doc: DocContext): MappedText {
  return doc.edit(mt, lineBreakEdits(mt.text));
}
