import { z } from 'zod';

/**
 * A string checked by a regex that needs Unicode property classes (\p{L}, \p{Script=Han} …) and so the
 * u flag. zod checks `exact`, unchanged. The published JSON Schema states `portable` as the pattern
 * instead: validators outside JavaScript (Python's re, Go's RE2 …) reject \p{…} or read u-flag syntax
 * differently. `portable` is plain ECMA-262 without flags that every common engine reads alike, and it
 * must accept every string `exact` accepts (a few more may pass): a JSON Schema that rejected a valid
 * document would be worse than one a little looser than zod.
 */
export function unicodeString(exact: RegExp, portable: RegExp, message?: string): z.ZodString {
  if (portable.flags !== '' || /\\[pPu]\{/.test(portable.source)) throw new Error(`not a portable pattern: ${portable}`);
  return z.string().regex(exact, message).meta({ pattern: portable.source });
}
