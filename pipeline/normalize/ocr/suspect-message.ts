import type { Suspect } from './types.js';

/**
 * The agreed diagnostic message for an ocr-suspect: `湛江 → 湛河? …context…` — the form and
 * the proposed form, then the 20-character context, then ` — rule: reason`, so
 * `plancorpus review` can group it by rule.
 */
export function suspectMessage(s: Suspect): string {
  const form = typeof s.evidence.form === 'string' ? s.evidence.form : s.from;
  const corrected = typeof s.evidence.corrected === 'string' ? s.evidence.corrected : s.to;
  const context = typeof s.evidence.context === 'string' ? s.evidence.context : '';
  return `${form} → ${corrected}? ${context} — ${s.rule}: ${s.reason}`;
}
