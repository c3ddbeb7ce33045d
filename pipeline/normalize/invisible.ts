import type { DocContext } from '../../core/context.js';
import type { Edit, MappedText } from '../../core/provenance/mapped-text.js';
import { codeTable } from '../../core/text/chars.js';

/** Zero-width space/joiners, word joiner, BOM, soft hyphen, bidi marks: /[\u200b-\u200f\u2060-\u2064\ufeff\u00ad\u202a-\u202e]/. */
export function isZeroWidthCode(c: number): boolean {
  return (c >= 0x200b && c <= 0x200f) || (c >= 0x2060 && c <= 0x2064) || c === 0xfeff || c === 0xad || (c >= 0x202a && c <= 0x202e);
}
/** C0/C1 controls except tab, LF, form feed (a page break, handled by page-breaks): /[\u0000-\u0008\u000b\u000d-\u001f\u007f-\u009f]/. */
export function isControlCode(c: number): boolean {
  return c <= 0x08 || c === 0x0b || (c >= 0x0d && c <= 0x1f) || (c >= 0x7f && c <= 0x9f);
}
/** No-break and other typographic spaces, which become a plain space: /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/. */
export function isOddSpaceCode(c: number): boolean {
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0x3000;
}

const ZERO_WIDTH = 1;
const CONTROL = 2;
const ODD_SPACE = 3;
/** What the step does with each BMP code unit (0 keep, or ZERO_WIDTH, CONTROL, ODD_SPACE). */
const invisibleClasses = codeTable((c) => (isZeroWidthCode(c) ? ZERO_WIDTH : isControlCode(c) ? CONTROL : isOddSpaceCode(c) ? ODD_SPACE : 0));

/**
 * Drop zero-width and control characters (removals, a run per edit) and turn odd spaces into plain
 * spaces (layout, one per character). One pass by character code.
 */
export function invisibleEdits(text: string): Edit[] {
  const table = invisibleClasses();
  const removals: Edit[] = [];
  const spaces: Edit[] = [];
  for (let i = 0; i < text.length; i++) {
    const kind = table[text.charCodeAt(i)];
    if (kind === 0) continue;
    if (kind === ODD_SPACE) {
      spaces.push({ start: i, end: i + 1, replacement: ' ', rule: 'invisible/space', kind: 'layout' });
      continue;
    }
    let end = i + 1;
    while (end < text.length && table[text.charCodeAt(end)] === kind) end++;
    removals.push({ start: i, end, replacement: '', rule: kind === ZERO_WIDTH ? 'invisible/zero-width' : 'invisible/control', kind: 'removal' });
    i = end - 1;
  }
  return spaces.length === 0 ? removals : removals.concat(spaces);
}

export function removeInvisible(mt: MappedText, doc: DocContext): MappedText {
  return doc.edit(mt, invisibleEdits(mt.text));
}
