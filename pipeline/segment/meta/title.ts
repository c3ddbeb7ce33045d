import type { MetaEvidence } from '../../../schemas/document.js';
import type { MetaInput } from './input.js';
import type { TextLine } from './hit.js';
import { fieldValue } from './scraper-header.js';

/**
 * Where the title stands in the text, spaces ignored (政 府 工 作 报 告): from the line where it starts
 * to the line where it ends (a title printed over two lines).
 */
function titleLine(title: string, lines: readonly TextLine[]): { line: TextLine; end: number } | null {
  const want = title.replace(/\s/g, '');
  for (let i = 0; i < lines.length; i++) {
    // the characters of lines i… without whitespace, each with its offset
    const chars: Array<[string, number]> = [];
    for (let j = i; j < Math.min(lines.length, i + 4); j++) for (let k = 0; k < lines[j].text.length; k++) if (!/\s/.test(lines[j].text[k])) chars.push([lines[j].text[k], lines[j].start + k]);
    const compact = chars.map(([c]) => c).join('');
    const at = compact.indexOf(want);
    // the title must start on line i itself
    if (at < 0 || chars[at][1] >= lines[i].start + lines[i].text.length) continue;
    return { line: { text: title, start: chars[at][1] }, end: chars[at + want.length - 1][1] + 1 };
  }
  return null;
}

export interface TitleDecision {
  title: string | null;
  /** the title as a line of the text (start -1 when it could not be located) */
  line: TextLine | null;
  /** where it ends in the text (over several printed lines) */
  end: number;
  evidence: MetaEvidence | null;
}

/** The document's own title where it stands; a scraper header's 标题 (low confidence) only when the text has none. */
export function decideTitle(found: string | null, lines: readonly TextLine[], headerTitle: TextLine | null, locate: MetaInput['locate']): TitleDecision {
  const span = (a: number, b: number) => (locate && a >= 0 ? locate(a, b) : null);
  const title = found !== null ? found.replace(/^\s*标题\s*[:：]\s*/, '') : null;
  const placed = title ? titleLine(title, lines) : null;
  if (placed) {
    const inHeader = headerTitle !== null && placed.line.start >= headerTitle.start && placed.line.start < headerTitle.start + headerTitle.text.length;
    return { title, line: placed.line, end: placed.end, evidence: { rule: inHeader ? 'scraper-header' : 'title-line', text: placed.line.text, source: span(placed.line.start, placed.end), inferred: false, confidence: inHeader ? 'low' : 'high' } };
  }
  if (title !== null) return { title, line: { text: title, start: -1 }, end: -1, evidence: { rule: 'title-line', text: title, source: null, inferred: false, confidence: 'high' } };
  if (!headerTitle) return { title: null, line: null, end: -1, evidence: null };
  let line = fieldValue(headerTitle);
  // 标题：政府工作报告——2010年1月26日在…: the title is what stands before the date
  const cut = line.text.search(/[—―‐－-]{1,4}\s*(?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年/);
  if (cut > 0) line = { text: line.text.slice(0, cut), start: line.start };
  const end = line.start + line.text.length;
  return { title: line.text, line, end, evidence: { rule: 'scraper-header', text: line.text, source: span(line.start, end), inferred: false, confidence: 'low' } };
}
