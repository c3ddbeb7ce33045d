import type { DocContext } from '../../core/context.js';
import type { Edit, MappedText } from '../../core/provenance/mapped-text.js';
import { splitLines } from './lines.js';
import { HAN, CJK_PUNCT } from '../../core/text/chars.js';
import { isTableRow } from '../../core/text/line-kind.js';

const CJK = `${HAN}${CJK_PUNCT}`;
/** Spaces (not tabs) between two CJK characters, or between CJK and a letter/digit, in either order. */
const CJK_SPACE = new RegExp(`(?<=[${CJK}]) +(?=[${CJK}A-Za-z0-9\\[(%])|(?<=[A-Za-z0-9%\\])]) +(?=[${CJK}])`, 'g');
/**
 * Remove spaces that text extraction put between CJK characters and between a number and its unit
 * (`263.06 亿元` → `263.06亿元`); spaces between Latin words stay. Table rows keep their spacing as
 * printed: a space there can be a cell boundary (`10 人均绿地面积`), and cell values keep their raw form.
 */
export function spacingEdits(text: string): Edit[] {
  const edits: Edit[] = [];
  for (const line of splitLines(text)) {
    if (!line.text.includes(' ')) continue;
    if (isTableRow(line.text)) continue;
    for (const m of line.text.matchAll(CJK_SPACE)) {
      edits.push({ start: line.start + m.index, end: line.start + m.index + m[0].length, replacement: '', rule: 'layout/cjk-space', kind: 'layout' });
    }
  }
  return edits;
}

export function removeExtractionSpaces(mt: MappedText, doc: DocContext): MappedText {
  return doc.edit(mt, spacingEdits(mt.text));
}
