import type { DocType } from '../../../schemas/document.js';
import { hitAt, type Hit, type TextLine } from './hit.js';

/**
 * The type a name of a document gives (a title, or what a report formula says it is about), most
 * specific first: a report on a budget or a plan names 报告; a plan outline names 纲要.
 */
export function typeOfName(name: string): DocType | null {
  if (/政府工作报告|报告政府工作/.test(name)) return 'government-work-report';
  if (/预算[^。；]{0,20}(?:（草案）|\(草案\)|草案)?的?报告|决算[^。；]{0,30}报告/.test(name)) return 'budget-report';
  if (/(?:计划|规划)(?:的)?执行情况|(?:计划|规划)(?:（草案）|\(草案\)|草案|安排)的?报告/.test(name)) return 'annual-plan-report';
  if (/(?:五年计划|五年规划|纲要)(?:（草案）|\(草案\))?的报告/.test(name)) return 'five-year-plan-report';
  if (/五年规划|远景目标纲要|规划纲要|五年计划纲要|五年计划$/.test(name)) return 'five-year-plan';
  return null;
}

/** The title decides when it names a type. */
export function docTypeOfTitle(title: TextLine): Hit<DocType> | null {
  const type = typeOfName(title.text);
  return type ? hitAt(title, { index: 0, 0: title.text }, type, 'title') : null;
}

/**
 * The speaker's own formula in the opening: 现在，我代表市人民政府，向大会报告政府工作 /
 * 我代表国务院向第一届全国人民代表大会第二次会议提出关于…的报告 / 我受国务院的委托，向大会作关于…的报告.
 * What the report is about decides the type; a formula that names no known kind gives other.
 */
const FORMULA_START = /我(?:现在)?(?:代表|受|根据)|现在，?我/g;
const FORMULA_REST = /^[^。！？；]{0,60}?(?:(?:向|在)[^。！？；]{0,40}?(?:大会|会议)[^。！？；]*?(?:报告|审议|审查)|作[^。！？；]{0,60}?报告)/;
const SENTENCE_END = /[。！？；]/g;
/** How far after 我代表… the formula may run: bounds the search in text without sentence ends (a page scraped onto one line). */
const FORMULA_REACH = 400;

/**
 * The first formula of a line as a match over its whole sentence (from the sentence's start to its
 * end): found from its 我代表/现在我 core, so that a long line without sentence ends costs linear time.
 */
function findFormula(text: string): RegExpExecArray | null {
  FORMULA_START.lastIndex = 0;
  for (let core = FORMULA_START.exec(text); core; core = FORMULA_START.exec(text)) {
    const after = core.index + core[0].length;
    const rest = FORMULA_REST.exec(text.slice(after, after + FORMULA_REACH));
    if (!rest) continue;
    let start = core.index;
    while (start > 0 && !'。！？；'.includes(text[start - 1])) start--;
    SENTENCE_END.lastIndex = after + rest[0].length;
    const end = SENTENCE_END.exec(text)?.index ?? text.length;
    const m = [text.slice(start, end)] as unknown as RegExpExecArray;
    m.index = start;
    m.input = text;
    return m;
  }
  return null;
}
/** The same in the third person, in a digest or news report: 市长闫继红在市十六届人大七次会议上作政府工作报告时指出 / 总理在报告中指出. */
const DIGEST = /(?:总理|主席|省长|市长|县长|区长|旗长|州长)[\p{Script=Han}·]{0,4}在[^。！？]{0,40}?(?:会议上)?作政府工作报告|(?:总理|省长|市长|县长|区长)在(?:政府工作)?报告中/u;

export function docTypeOfFormula(line: TextLine): Hit<DocType> | null {
  const m = findFormula(line.text);
  if (m) {
    const s = m[0];
    let type: DocType | null = null;
    // a plan outline the congress is to adopt, five-year or longer (关于一九五六年到一九六七年全国农业发展纲要的执行情况和争取提前实现这个纲要的报告), as typeOfName reads it in a title
    if (/纲要（草案）|纲要\(草案\)|纲要的报告|第[一二三四五六七八九十]{1,3}个五年(?:计划|规划)[^。，]{0,6}报告|五年(?:计划|规划)(?:纲要)?(?:（草案）)?的报告/.test(s)) type = 'five-year-plan-report';
    else if (/预算[^。]{0,20}报告|报告[^。]{0,20}预算(?:执行情况|草案|（草案）)|决算[^。]{0,30}报告/.test(s)) type = 'budget-report';
    else if (/计划(?:（草案）|\(草案\)|草案|安排)的?报告|计划执行情况/.test(s)) type = 'annual-plan-report';
    else if (/政府工作|工作报告|报告[^。，]{0,10}工作|作以下报告|作报告/.test(s)) type = 'government-work-report';
    return hitAt(line, m, type ?? 'other', type ? 'opening-formula' : 'opening-formula-unknown-kind');
  }
  const d = DIGEST.exec(line.text);
  return d ? hitAt(line, d, 'government-work-report', 'digest-formula') : null;
}

/** An issuing notice names the document it issues: 关于印发《…纲要》的通知. */
export function docTypeOfNotice(line: TextLine): Hit<DocType> | null {
  const m = /关于印发[《〈“]?([^》〉”]{4,80})[》〉”]?的通知/.exec(line.text);
  const type = m ? typeOfName(m[1]) : null;
  return m && type ? hitAt(line, m, type, 'issuing-notice') : null;
}

/** Structure: an address to the deputies (各位代表) followed by a review of the past year is a work report. */
export function docTypeOfStructure(lines: readonly TextLine[]): Hit<DocType> | null {
  const address = lines.findIndex((l) => /^各位代表[：:！!，,]/.test(l.text.trim()));
  if (address < 0) return null;
  for (const l of lines.slice(address + 1, address + 12)) {
    const m = /^[一二三四五六七八九十、\s]*(?:\d{4}年|过去(?:一|五)年|一年来)[^。]{0,10}工作(?:的)?回顾/.exec(l.text);
    if (m) return hitAt(l, m, 'government-work-report', 'structure', { inferred: true });
  }
  return null;
}
