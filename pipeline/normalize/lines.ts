/** A line of the current (normalized-so-far) text: [start, end) without its "\n". */
export interface TextLine {
  index: number;
  start: number;
  end: number;
  text: string;
}

/** Split text on "\n" into lines with their offsets. */
export function splitLines(text: string): TextLine[] {
  const out: TextLine[] = [];
  let start = 0;
  let index = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    out.push({ index: index++, start, end, text: text.slice(start, end) });
    if (nl === -1) break;
    start = nl + 1;
  }
  return out;
}
