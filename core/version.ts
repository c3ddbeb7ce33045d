import { readFileSync } from 'node:fs';
import { packageFile } from './package-root.js';

/** The tool version recorded in index.json, from package.json. */
export const TOOL_VERSION = (JSON.parse(readFileSync(packageFile('package.json'), 'utf8')) as { version: string }).version;
