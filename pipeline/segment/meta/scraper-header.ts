import type { TextLine } from './hit.js';

/**
 * A header a collector or scraper wrote above the text (标题：… / 发文单位：… / 发文时间：… / 来源URL：…
 * / 正文：, or 标题: … 发布时间: … ==== 正文 ====). It is not the document's own text: what it says
 * is a last-resort signal only.
 */
const FIELD = /^\s*(标题|发文单位|发文时间|发布时间|报告人|来源URL|来源|原文链接|发布机构|文号|栏目|本地目录|页面链接[^:：]*|备注)\s*[:：]/;
const BODY_MARK = /^\s*(?:=+\s*正文\s*=+|正文\s*[:：])\s*$/;

export interface HeaderSplit {
  header: TextLine[];
  body: TextLine[];
  fields: Map<string, TextLine>;
}

export function splitScraperHeader(lines: readonly TextLine[]): HeaderSplit {
  const fields = new Map<string, TextLine>();
  let end = 0;
  for (let i = 0; i < Math.min(lines.length, 16); i++) {
    const m = FIELD.exec(lines[i].text);
    if (m) {
      if (!fields.has(m[1])) fields.set(m[1], lines[i]);
      end = i + 1;
    } else if (BODY_MARK.test(lines[i].text) && fields.size > 0) {
      end = i + 1;
      break;
    } else if (fields.size > 0) break;
  }
  // the header must open the text and hold at least two fields (标题 and a date or source)
  if (fields.size < 2) return { header: [], body: [...lines], fields: new Map() };
  return { header: lines.slice(0, end), body: lines.slice(end), fields };
}

/** The value of a header field: the text after its colon, and where it starts. */
export function fieldValue(line: TextLine): TextLine {
  const m = /^\s*[^:：]+[:：]\s*/.exec(line.text);
  const cut = m ? m[0].length : 0;
  return { text: line.text.slice(cut).trim(), start: line.start + cut };
}
