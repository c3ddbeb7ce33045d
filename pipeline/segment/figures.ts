import type { Block } from '../types.js';
import { displayWidth } from '../../core/text/chars.js';

/** A caption whose image was lost: 图 1 …, or a short standalone line naming a chart (…结构图, …示意图). */
const CHART_NAME = /(?:示意图|结构图|分布图|布局图|规划图|走势图|趋势图|柱状图|饼图|折线图|占比图|对比图|统计图|空间图|区位图)$/;

export function isFigureCaption(b: Block): boolean {
  if (b.kind === 'figure-caption') return true;
  // every chart name ends in 图: the end-anchored pattern is tried only on a text that does
  return b.kind === 'text' && b.rawLines === 1 && b.text.endsWith('图') && CHART_NAME.test(b.text) && displayWidth(b.text) <= 60 && !/[。，；：]/.test(b.text);
}
