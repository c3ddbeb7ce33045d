/**
 * What a person's decision on one review item becomes in a rules file (schemas/ocr-rules.ts):
 * a rejected OCR correction → a protected form (the corrected word with its neighbours, so the next
 * build keeps exactly that occurrence's text); an accepted ocr-suspect → a forced correction of the
 * same neighbourhood. Pure; computed when the site is generated, so the page only collects them.
 */
import type { Correction, Diagnostic } from '../../schemas/messages.js';

/** Characters of context kept on each side of the marked form. */
const NEIGHBOURS = 2;

export type RulesEntry =
  | { kind: 'protected'; text: string; note: string }
  | { kind: 'forced'; from: string; to: string; note: string };

/** The marked form in an OCR context snippet (`…技能【漯河】名片…`) with its neighbours; null when unmarked. */
export function markedForm(context: string): { before: string; form: string; after: string } | null {
  const m = /([^【】]*)【([^【】]+)】([^【】]*)/u.exec(context);
  if (!m) return null;
  const before = [...m[1]].slice(-NEIGHBOURS).join('');
  const after = [...m[3]].slice(0, NEIGHBOURS).join('');
  return { before, form: m[2], after };
}

/**
 * A rejected correction as a protected form. Only OCR corrections can be kept by a rules file
 * (unicode and t2s conversions are not rules-file matters), and a forced one is undone by editing
 * the file that forced it: both give null.
 */
export function rejectEntry(c: Correction, where: string): RulesEntry | null {
  if (!c.rule.startsWith('ocr/') || c.rule === 'ocr/forced') return null;
  const ctx = typeof c.evidence.context === 'string' ? c.evidence.context : '';
  const m = markedForm(ctx);
  if (!m) return null;
  const text = m.before + m.form + m.after;
  if (text.length < 2) return null;
  return { kind: 'protected', text, note: `rejected in review: ${c.from} → ${c.to} at ${where}` };
}

/** The context of an ocr-suspect message: `既 → 即? …【既】… — rule: why`. */
function suspectContext(message: string): string {
  const q = message.indexOf('? ');
  const dash = message.lastIndexOf(' — ');
  return q >= 0 && dash > q ? message.slice(q + 2, dash) : message;
}

/** An accepted ocr-suspect as a forced correction of its neighbourhood; null when it cannot be placed. */
export function acceptEntry(d: Diagnostic, where: string): RulesEntry | null {
  if (d.code !== 'ocr-suspect' || !d.actual || !d.expected) return null;
  const m = markedForm(suspectContext(d.message));
  if (!m || !m.form.includes(d.actual)) return null;
  const from = m.before + m.form + m.after;
  const to = m.before + m.form.replace(d.actual, d.expected) + m.after;
  if (from === to) return null;
  return { kind: 'forced', from, to, note: `accepted in review: ${d.actual} → ${d.expected} at ${where}` };
}
