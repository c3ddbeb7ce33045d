export * from './source.js';
export * from './messages.js';
export * from './table.js';
export * from './document.js';
export * from './corpus.js';
export { jsonSchema } from './json-schema.js';
