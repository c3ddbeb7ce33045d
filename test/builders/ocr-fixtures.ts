import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('../../fixtures/', import.meta.url));

/** A fixture's raw text decoded as UTF-8, by its number prefix (000 … 004). */
export function readFixture(prefix: string): string {
  const name = readdirSync(dir).find((f) => (f.startsWith(`${prefix}_`) || f === `${prefix}.txt`) && f.endsWith('.txt'));
  if (!name) throw new Error(`no fixture ${prefix}`);
  return readFileSync(dir + name, 'utf8');
}

/** 1-based raw line of an offset. */
export function lineOf(text: string, offset: number): number {
  let n = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

/** Every offset of a character or string. */
export function offsetsOf(text: string, s: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(s); i >= 0; i = text.indexOf(s, i + 1)) out.push(i);
  return out;
}
