import type { OcrRules } from '../../../schemas/ocr-rules.js';
import { contextSnippet } from './context-snippet.js';
import { occurrences } from './count-occurrences.js';

export const RULE_FORCED = 'ocr/forced';

export interface ForcedFinding {
  /** compact start and end of the matched text */
  readonly at: number;
  readonly end: number;
  readonly from: string;
  readonly to: string;
  readonly evidence: Record<string, unknown>;
}

/** Every occurrence of a user's forced correction (matched across line breaks). */
export function forcedFindings(compact: string, rules: OcrRules): ForcedFinding[] {
  const out: ForcedFinding[] = [];
  for (const f of rules.forced) {
    for (const at of occurrences(compact, f.from)) {
      out.push({
        at,
        end: at + f.from.length,
        from: f.from,
        to: f.to,
        evidence: { forced: `${f.from}→${f.to}`, note: f.note ?? 'user rules file', context: contextSnippet(compact, at, at + f.from.length) },
      });
    }
  }
  return out;
}
