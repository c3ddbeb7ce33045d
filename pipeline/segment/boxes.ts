import type { DocContext } from '../../core/context.js';
import type { Box } from '../../schemas/document.js';
import { matchMarker } from '../../core/text/markers.js';
import type { ParagraphMaker } from './paragraphs.js';
import type { Block } from '../types.js';
import type { Taken } from './claims.js';
import type { WrapProfile } from '../types.js';
import { BOX_MARKER } from '../../core/text/line-kind.js';
import { displayWidth } from '../../core/text/chars.js';

export interface BoxRegion {
  marker: Block;
  title: string;
  body: Block[];
  start: number;
  end: number;
}

/**
 * Verbs that open a paragraph of the plan's own text (加快…, 推进…): after a box's first paragraph,
 * a paragraph led by one of these is the body resuming, while a box lists projects by name.
 */
const BODY_LEAD = /^(?:加快|推进|推动|实施|强化|完善|坚持|加强|积极|大力|深化|着力|全面|持续|建立|健全|构建|提升|促进|落实|优化|打造|培育|引导|鼓励|支持|做好|抓好|开展|提高|扩大|拓展|探索|严格|创新|统筹|注重|突出|巩固|增强|保障|继承|弘扬|围绕|依托|聚焦|立足|按照|根据|力争|确保|努力|进一步|不断|切实|充分|重点|同时|此外|另外)/;

/** A numbered line that only names something (1. 强化固废收集处理功能): a sub-heading, not a box item. */
export function isTitleLike(b: Block): boolean {
  return displayWidth(b.text) <= 50 && !/[。；，：:！？]/.test(b.text);
}

export function boxTitle(b: Block): string {
  return b.text.replace(BOX_MARKER, '').trim();
}

/**
 * Where does a box end? At the next heading, box, table or caption; in hard-wrapped text where
 * the lines narrow back to the body's width; otherwise after the paragraphs right after the marker
 * that read as box entries rather than the plan's running text.
 */
export function findBoxes(blocks: readonly Block[], taken: Taken, wrap: WrapProfile): BoxRegion[] {
  const out: BoxRegion[] = [];
  for (let i = 0; i < blocks.length; i++) {
    if (taken.has(i) || blocks[i].kind !== 'box-marker') continue;
    const body: Block[] = [];
    let j = i + 1;
    for (; j < blocks.length && !taken.has(j); j++) {
      const b = blocks[j];
      if (b.kind !== 'text' && b.kind !== 'list-item' && b.kind !== 'note') break;
      if (b.kind === 'list-item' && isTitleLike(b) && body.length > 0 && !body.some((x) => x.kind === 'list-item')) {
        // a short numbered title after a box of unnumbered entries belongs to the body's outline
        break;
      }
      if (body.length > 0) {
        if (wrap.wrapWidth !== null) {
          const narrow = b.maxRawWidth <= wrap.wrapWidth + 2;
          if (narrow && (b.rawLines >= 2 || b.kind !== 'list-item')) break;
        } else if (b.kind === 'text' && BODY_LEAD.test(b.text)) {
          break;
        }
      }
      body.push(b);
    }
    out.push({ marker: blocks[i], title: boxTitle(blocks[i]), body, start: i, end: j });
    i = j - 1;
  }
  return out;
}

/** A located box as output: its items (numbered or not, with a lead title when text follows it). */
export function toBox(r: BoxRegion, id: string, sectionId: string | null, paragraphs: ParagraphMaker, doc: DocContext): Box {
  const items = r.body.map((b) => {
    const m = matchMarker(b.text);
    const numbered = m !== null && m.kind !== 'preface' && b.kind === 'list-item';
    const rest = numbered ? b.text.slice(m.length) : b.text;
    const offset = numbered ? m.length : 0;
    const stop = /[。：:]/.exec(rest);
    // a lead phrase is a title only when text follows it (（1）新建幼儿园3所。 is all text)
    const hasTitle = stop !== null && stop.index > 0 && stop.index <= 30 && rest.slice(stop.index + 1).trim().length > 0;
    const title = hasTitle ? rest.slice(0, stop.index) : null;
    const text = hasTitle ? rest.slice(stop.index + 1) : rest;
    return { ordinal: numbered ? m.ordinal : null, title, text: text.trim(), source: paragraphs.span(b.start + (numbered ? 0 : offset), b.end) };
  });
  const last = r.body.length > 0 ? r.body[r.body.length - 1] : r.marker;
  return { id, title: r.title, sectionId, source: doc.span(r.marker.rawStart, last.rawEnd), items, text: r.body.map((b) => b.text).join('\n') };
}
