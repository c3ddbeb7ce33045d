/**
 * Site chrome on its own lines around an article (a web page's text, or text copied from one):
 * breadcrumbs (当前位置：首页 > …), the article's info line (发布时间 来源 浏览次数 字号), share
 * links (分享到 微信 微博), print/close buttons, attachment links, and the site footer (主办单位,
 * 网站标识码, ICP备, 公网安备, 版权所有). Only runs of such lines at the very start or the very end
 * are removed, each as a logged removal; a chrome word inside the article is text.
 */
import type { DocContext } from '../../core/context.js';
import type { Edit, MappedText } from '../../core/provenance/mapped-text.js';

const TOP = [
  /^(?:当前位置|您当前的位置|您现在的位置|您的位置|所在位置)\s*[:：]/,
  /^首页\s*[>＞›»/]/,
  /^首页(?:\s+[\u4e00-\u9fff]{2,8}){2,}$/,
  /^(?:发布时间|发布日期|成文日期|信息来源|来源|浏览次数|点击数|访问量|字号|作者)\s*[:：]/,
  /^(?:分享到|【?打印|【?关闭|\[打印|\[关闭)/,
  /^(?:微信|微博|QQ空间|QQ好友|扫一扫)(?:\s+(?:微信|微博|QQ空间|QQ好友|扫一扫))*$/,
  /^(?:字号|【?大\s*中\s*小】?)$/,
];
const BOTTOM = [
  /^(?:附件下载|相关附件|附件\s*[:：]?$)/,
  /^(?:【|\[)?(?:打印本页|打印|关闭窗口|关闭|返回顶部|收藏)/,
  /^(?:分享到|微信|微博|QQ空间|扫一扫)/,
  /^(?:来源|责任编辑|编辑|审核|校对)\s*[:：]/,
  /^（?责任编辑[:：]/,
  /^(?:主办单位|主办|承办单位|承办|协办|技术支持|维护单位|网站标识码|网站地图|联系我们|版权所有|Copyright|©)/i,
  /(?:ICP备|ICP证|公网安备|备案号|网站标识码|All Rights Reserved|位访客$)/i,
  /^(?:您是第|联系地址|联系电话|电话|地址|邮编|上班时间|办公时间|网站纠错)/,
  // what is left of a footer split over lines: separators, a lone colon, numbers
  /^[|｜:：\s\d]+$/,
];

/** A line of site chrome at the top or the bottom of the page. */
export function isChromeLine(line: string, where: 'top' | 'bottom'): boolean {
  const t = line.replace(/\u00a0/g, ' ').trim();
  return t !== '' && t.length <= 200 && !/[。！？]$/.test(t) && (where === 'top' ? TOP : BOTTOM).some((re) => re.test(t));
}

interface Line {
  start: number;
  end: number;
  text: string;
}

/** The lines of the text that are not blank, from the first on or from the last back; found as they are asked for. */
function* contentLines(text: string, fromEnd: boolean): Generator<Line> {
  if (!fromEnd) {
    for (let start = 0; ; ) {
      const nl = text.indexOf('\n', start);
      const end = nl === -1 ? text.length : nl;
      const line = text.slice(start, end);
      if (line.trim() !== '') yield { start, end, text: line };
      if (nl === -1) return;
      start = nl + 1;
    }
  }
  for (let end = text.length; ; ) {
    const nl = end === 0 ? -1 : text.lastIndexOf('\n', end - 1);
    const start = nl + 1;
    const line = text.slice(start, end);
    if (line.trim() !== '') yield { start, end, text: line };
    if (nl === -1) return;
    end = nl;
  }
}

/** Removal edits for the chrome lines at the start and the end of the text (only the lines up to the article's are read). */
export function pageChromeEdits(text: string): Edit[] {
  const edits: Edit[] = [];
  // from the top: chrome lines, with a title or short label among them (the article's own title stays)
  for (const l of contentLines(text, false)) {
    if (isChromeLine(l.text, 'top')) edits.push({ start: l.start, end: l.end, replacement: '', rule: 'furniture/page-chrome', kind: 'removal' });
    else if (/[。！？]/.test(l.text) || l.text.trim().length > 60) break;
  }
  const fromBottom: Edit[] = [];
  for (const l of contentLines(text, true)) {
    if (edits.some((e) => e.start === l.start)) break;
    if (!isChromeLine(l.text, 'bottom')) break;
    fromBottom.push({ start: l.start, end: l.end, replacement: '', rule: 'furniture/page-chrome', kind: 'removal' });
  }
  return [...edits, ...fromBottom.reverse()];
}

export function removePageChrome(mt: MappedText, doc: DocContext): MappedText {
  return doc.edit(mt, pageChromeEdits(mt.text));
}
