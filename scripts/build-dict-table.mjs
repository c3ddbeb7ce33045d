// Writes dist/jieba-dict.bin: jieba's word-frequency dictionary (from the installed nodejieba) as
// the compact table core/lexicon/dict-table.ts reads with one file read. Run by `npm run build`;
// without it the table is built on first use and cached in the user's cache folder.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { buildDictTable } from '../dist/core/lexicon/dict-table.js';
import { BUILT_TABLE, jiebaDictKey, jiebaDictPath } from '../dist/core/lexicon/jieba-dict.js';

const bytes = buildDictTable(readFileSync(jiebaDictPath(), 'utf8'), jiebaDictKey());
writeFileSync(BUILT_TABLE + '.tmp', bytes);
renameSync(BUILT_TABLE + '.tmp', BUILT_TABLE);
console.error(`wrote ${BUILT_TABLE.replace(process.cwd() + '/', '')} (${(bytes.byteLength / 1048576).toFixed(1)} MB)`);
