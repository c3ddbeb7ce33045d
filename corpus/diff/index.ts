export { diffCorpora, snapshotOf, type CorpusSnapshot, type LoadedDocument } from './corpus.js';
export { CorpusError } from '../store.js';
export { readCorpusSnapshot } from './read.js';
export { diffDocuments } from './document.js';
export { formatDiffText, formatDiffJson, formatDocumentDiff } from './format.js';
export * from './types.js';
