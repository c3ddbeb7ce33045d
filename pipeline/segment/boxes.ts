import type { Block } from '../normalize/blocks.js';
import type { WrapProfile } from '../normalize/unwrap.js';
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
export function findBoxes(blocks: readonly Block[], taken: ReadonlySet<number>, wrap: WrapProfile): BoxRegion[] {
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
