import type { Block } from '../types.js';

/** How far into a document an issuing notice may start. */
const NOTICE_WINDOW = 10;
/** How many blocks an issuing notice may run. */
const NOTICE_LENGTH = 30;
const NOTICE_START = /^(?:关于印发|关于.*的通知$|通\s*知$)/;
export const DATE_LINE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/;

/**
 * An issuing notice in front of the document (…人民政府 关于印发…的通知, addressees, text, date):
 * block indices [start, end) ending with the date line, or null.
 */
export function findFrontMatter(blocks: readonly Block[], from = 0): { start: number; end: number } | null {
  let noticeAt = -1;
  for (let i = from; i < Math.min(blocks.length, from + NOTICE_WINDOW); i++) {
    if (blocks[i].kind === 'heading') break;
    if (NOTICE_START.test(blocks[i].text)) {
      noticeAt = i;
      break;
    }
  }
  if (noticeAt === -1) return null;
  for (let j = noticeAt + 1; j < Math.min(blocks.length, noticeAt + NOTICE_LENGTH); j++) {
    if (blocks[j].kind === 'heading') return null;
    if (DATE_LINE.test(blocks[j].text)) return { start: from, end: j + 1 };
  }
  return null;
}
