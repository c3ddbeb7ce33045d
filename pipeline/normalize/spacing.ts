import type { DocContext } from '../context.js';
import type { Edit, MappedText } from './mapped-text.js';
import { splitLines } from './lines.js';
import { HAN, CJK_PUNCT } from '../text/chars.js';
import { isTableRow } from '../text/line-kind.js';

const CJK = `${HAN}${CJK_PUNCT}`;
/** Spaces (not tabs) between two CJK characters, or between CJK and a letter/digit, in either order. */
const CJK_SPACE = new RegExp(`(?<=[${CJK}]) +(?=[${CJK}A-Za-z0-9\\[(%])|(?<=[A-Za-z0-9%\\])]) +(?=[${CJK}])`, 'g');
/** Units and qualifiers that belong to the number before them, for table rows: 263.06 亿元, 7.5 左右. */
const NUMBER_UNIT = new RegExp(`(?<=\\d) +(?=(?:[亿万千百十]|元|个|家|亩|天|人|年|月|日|户|座|条|项|所|公里|千米|米|吨|度|倍|岁|件|次|辆|台|套|张|名|位|处|%|‰|左右|以上|以下|以内|余)(?![${HAN}]{2,}性))`, 'g');

/**
 * Remove spaces that text extraction put between CJK characters and between a number and its unit
 * (`263.06 亿元` → `263.06亿元`); spaces between Latin words stay. In space-separated table rows a space
 * can be a cell boundary, so only spaces between a number and its unit go there.
 */
export function spacingEdits(text: string): Edit[] {
  const edits: Edit[] = [];
  for (const line of splitLines(text)) {
    if (!line.text.includes(' ')) continue;
    const spaceSeparatedTable = isTableRow(line.text) && !line.text.includes('\t');
    const re = spaceSeparatedTable ? NUMBER_UNIT : CJK_SPACE;
    re.lastIndex = 0;
    for (const m of line.text.matchAll(re)) {
      edits.push({ start: line.start + m.index, end: line.start + m.index + m[0].length, replacement: '', rule: 'layout/cjk-space', kind: 'layout' });
    }
  }
  return edits;
}

export function removeExtractionSpaces(mt: MappedText, doc: DocContext): MappedText {
  return doc.edit('normalize', mt, spacingEdits(mt.text));
}
