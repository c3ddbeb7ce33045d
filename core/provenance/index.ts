/**
 * Provenance: how every position in the output goes back to the raw text.
 * - mapped-text: edits as data, applyEdits (the one function that changes text), the offset map,
 *   and resolveRange (the one rule that turns a relative range into a raw one; rawRange, rawGap)
 * - run-map: the compact maps stored with paragraphs and rows, and their inverse
 * - compact-text: text without whitespace with offsets back (names split by line breaks)
 * - line-index: offsets ↔ line/column; the only place SourceSpans are made
 * - lower-bound: the binary search over sorted offsets
 */
export * from './mapped-text.js';
export * from './run-map.js';
export * from './compact-text.js';
export * from './line-index.js';
export * from './lower-bound.js';
