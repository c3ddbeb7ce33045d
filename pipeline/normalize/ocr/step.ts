import type { DocContext } from '../../../core/context.js';
import { rawRange, type MappedText } from '../../../core/provenance/mapped-text.js';
import { compactText } from '../../../core/provenance/compact-text.js';
import { loadGazetteer, type Gazetteer } from '../../../core/gazetteer/index.js';
import type { OcrRules } from '../../../schemas/ocr-rules.js';
import type { Region } from '../../types.js';
import { detectSubject } from './subject.js';
import { ocrCorrections } from './ocr-corrections.js';
import { defaultRules, loadRules } from './rules.js';
import { suspectMessage } from './suspect-message.js';
import { confusionIndex, type ConfusionIndex } from './confusion-index.js';

/** What the OCR step reads besides the text: the rules, the gazetteer and the rules' confusion index, loaded once per pipeline. */
export interface OcrSetup {
  rules: OcrRules;
  gazetteer: Gazetteer;
  index: ConfusionIndex;
}

/**
 * Load the OCR step's data: the default rules, or a rules file (JSON or YAML) merged over them, or
 * rules given as data. A rules file that does not validate throws here, before any document is read.
 */
export function prepareOcr(rules?: string | OcrRules): OcrSetup {
  const r = rules === undefined ? defaultRules() : typeof rules === 'string' ? loadRules(rules) : rules;
  return { rules: r, gazetteer: loadGazetteer(), index: confusionIndex(r.confusions) };
}

export interface OcrStepResult {
  text: MappedText;
  /** the division the document is about, as found in its text */
  subject: Region | null;
}

/**
 * The OCR step of normalize: find the document's own division (subject) from its text, apply the
 * confusion corrections and report the suspects.
 */
export function correctOcr(mt: MappedText, doc: DocContext, setup: OcrSetup): OcrStepResult {
  // both read the text without whitespace: cut it once
  const compact = compactText(mt.text);
  const subject = detectSubject(mt.text, setup.gazetteer, setup.index, compact);
  const { edits, suspects } = ocrCorrections(mt.text, { subject, rules: setup.rules, gazetteer: setup.gazetteer, compact });
  for (const s of suspects) {
    const [a, b] = rawRange(mt, s.start, s.end);
    doc.report('warning', 'ocr-suspect', suspectMessage(s), doc.span(a, b), { actual: s.from, expected: s.to, rule: s.rule });
  }
  const region = subject ? { province: subject.province, city: subject.city, county: subject.county, code: subject.code } : null;
  return { text: doc.edit(mt, edits), subject: region };
}
