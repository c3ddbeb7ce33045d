import type { DocContext } from '../../core/context.js';
import type { Edit, MappedText } from '../../core/provenance/mapped-text.js';
import { isCjkCode } from '../../core/text/chars.js';
import { isTableRow } from '../../core/text/line-kind.js';

const isAsciiAlnum = (c: number): boolean => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);

/**
 * Is a run of spaces between these two characters an extraction space? Between two CJK characters,
 * or between CJK and a letter/digit, in either order: the regex
 * (?<=[CJK]) +(?=[CJK A-Za-z0-9 [ ( %]) | (?<=[A-Za-z0-9 % \] )]) +(?=[CJK]), by code.
 */
export function isExtractionSpace(before: number, after: number): boolean {
  if (isCjkCode(before)) return isCjkCode(after) || isAsciiAlnum(after) || after === 0x5b || after === 0x28 || after === 0x25;
  return (isAsciiAlnum(before) || before === 0x25 || before === 0x5d || before === 0x29) && isCjkCode(after);
}

/**
 * Remove spaces (not tabs) that text extraction put between CJK characters and between a number and its unit
 * (`263.06 亿元` → `263.06亿元`); spaces between Latin words stay. Table rows keep their spacing as
 * printed: a space there can be a cell boundary (`10 人均绿地面积`), and cell values keep their raw form.
 * One pass over the runs of spaces; a line is tested for a table row only when it has such a run.
 */
export function spacingEdits(text: string): Edit[] {
  const edits: Edit[] = [];
  let lineEnd = -1; // end of the line whose table-row test is known
  let tableRow = false;
  for (let i = text.indexOf(' '); i !== -1; i = text.indexOf(' ', i)) {
    let j = i + 1;
    while (text.charCodeAt(j) === 0x20) j++;
    // a line break or the text's edge on either side is no CJK character
    if (i > 0 && j < text.length && isExtractionSpace(text.charCodeAt(i - 1), text.charCodeAt(j))) {
      if (i > lineEnd) {
        const nl = text.indexOf('\n', j);
        lineEnd = nl === -1 ? text.length : nl;
        tableRow = isTableRow(text.slice(text.lastIndexOf('\n', i) + 1, lineEnd));
      }
      if (!tableRow) edits.push({ start: i, end: j, replacement: '', rule: 'layout/cjk-space', kind: 'layout' });
    }
    i = j;
  }
  return edits;
}

export function removeExtractionSpaces(mt: MappedText, doc: DocContext): MappedText {
  return doc.edit(mt, spacingEdits(mt.text));
}
