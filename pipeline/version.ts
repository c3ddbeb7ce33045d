import { readFileSync } from 'node:fs';

function readVersion(): string {
  for (const rel of ['../package.json', '../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(rel, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'plancorpus' && pkg.version) return pkg.version;
    } catch {
      // try the next candidate (source tree or dist/)
    }
  }
  return '0.0.0';
}

/** The tool version recorded in index.json, from package.json. */
export const TOOL_VERSION = readVersion();
