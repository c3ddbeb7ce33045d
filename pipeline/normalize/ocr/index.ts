export { detectSubject } from './subject.js';
export { ocrCorrections, type OcrOptions, type OcrResult } from './ocr-corrections.js';
export { loadRules, defaultRules, mergeRules, defaultRulesPath } from './rules.js';
export { Subject, Suspect } from './types.js';
export { RULE_SUBJECT, RULE_LOCAL } from './subject-entity.js';
export { RULE_ABBREVIATION } from './subject-abbreviation.js';
export { RULE_WORD } from './word-evidence.js';
export { RULE_FORCED } from './forced.js';
export { suspectMessage } from './suspect-message.js';
