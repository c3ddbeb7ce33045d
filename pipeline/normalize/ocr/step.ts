import type { DocumentHooks } from '../../document.js';
import type { TextStep } from '../index.js';
import { rawRange } from '../../../core/provenance/mapped-text.js';
import { detectSubject, ocrCorrections, loadRules, defaultRules, suspectMessage } from './index.js';
import { confusionIndex } from './confusion-index.js';
import { loadGazetteer } from '../../../core/gazetteer/index.js';
import type { OcrRules } from '../../../schemas/ocr-rules.js';

/**
 * Hooks that plug the OCR step into normalization: find the document's own division (subject)
 * from its text, record it as the region, apply the confusion corrections and report the suspects.
 * A rules file that does not validate throws here, before any document is read (a usage error).
 */
export function ocrHooks(rulesFile?: string): DocumentHooks {
  const rules: OcrRules = rulesFile ? loadRules(rulesFile) : defaultRules();
  const gazetteer = loadGazetteer();
  const index = confusionIndex(rules.confusions);
  return {
    characterSteps: (_doc, state) => {
      const step: TextStep = (mt, doc) => {
        const subject = detectSubject(mt.text, gazetteer, index);
        if (subject) state.region = { province: subject.province, city: subject.city, county: subject.county, code: subject.code };
        const { edits, suspects } = ocrCorrections(mt.text, { subject, rules, gazetteer });
        for (const s of suspects) {
          const [a, b] = rawRange(mt, s.start, s.end);
          doc.report('ocr', 'warning', 'ocr-suspect', suspectMessage(s), doc.span(a, b), { actual: s.from, expected: s.to });
        }
        return doc.edit('ocr', mt, edits);
      };
      return [step];
    },
  };
}
