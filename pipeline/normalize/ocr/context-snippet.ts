/** Width of the context shown on each side of a correction or suspect. */
export const CONTEXT_WIDTH = 20;

/**
 * `width` characters before and after [start, end) of a (compact) text, the span marked with
 * 【】 so a reviewer sees exactly what changes: 活动，“【湛江】营商”微信程序.
 */
export function contextSnippet(text: string, start: number, end: number, width = CONTEXT_WIDTH): string {
  const before = text.slice(Math.max(0, start - width), start);
  const after = text.slice(end, end + width);
  return `${before}【${text.slice(start, end)}】${after}`;
}
