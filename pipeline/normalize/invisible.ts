import type { DocContext } from '../../core/context.js';
import type { Edit, MappedText } from '../../core/provenance/mapped-text.js';

// zero-width space/joiners, word joiner, BOM, soft hyphen, bidi marks
const ZERO_WIDTH = /[\u200b-\u200f\u2060-\u2064\ufeff\u00ad\u202a-\u202e]+/g;
// C0/C1 controls except tab, LF, form feed (a page break, handled by page-breaks)
const CONTROL = /[\u0000-\u0008\u000b\u000d-\u001f\u007f-\u009f]+/g;
// no-break and other typographic spaces become a plain space
const SPACES = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;

/** Drop zero-width and control characters (removals) and turn odd spaces into plain spaces (layout). */
export function invisibleEdits(text: string): Edit[] {
  const edits: Edit[] = [];
  for (const m of text.matchAll(ZERO_WIDTH)) {
    edits.push({ start: m.index, end: m.index + m[0].length, replacement: '', rule: 'invisible/zero-width', kind: 'removal' });
  }
  for (const m of text.matchAll(CONTROL)) {
    edits.push({ start: m.index, end: m.index + m[0].length, replacement: '', rule: 'invisible/control', kind: 'removal' });
  }
  for (const m of text.matchAll(SPACES)) {
    edits.push({ start: m.index, end: m.index + 1, replacement: ' ', rule: 'invisible/space', kind: 'layout' });
  }
  return edits;
}

export function removeInvisible(mt: MappedText, doc: DocContext): MappedText {
  return doc.edit(mt, invisibleEdits(mt.text));
}
