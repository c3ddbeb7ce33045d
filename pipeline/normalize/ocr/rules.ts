import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import { z } from 'zod';
import { OcrRules, OcrRulesFile } from '../../../schemas/ocr-rules.js';
import { packageFile } from '../../../core/package-root.js';

/** data/ocr-confusions.json in the package. */
export function defaultRulesPath(): string {
  return packageFile('data/ocr-confusions.json');
}

/** Error messages that name the file and the bad key: `rules.yaml: confusions[2].chars[0]: must be a single Chinese character`. */
export function formatIssues(file: string, error: z.ZodError): string {
  const lines = error.issues.map((i) => {
    const key = i.path.reduce<string>((acc, k) => (typeof k === 'number' ? `${acc}[${k}]` : acc ? `${acc}.${String(k)}` : String(k)), '');
    if (i.code === 'unrecognized_keys') {
      return i.keys.map((k) => `${file}: ${key ? `${key}.${k}` : k}: unknown key`).join('\n');
    }
    return `${file}: ${key || '(top level)'}: ${i.message}`;
  });
  return `invalid OCR rules file\n${lines.join('\n')}`;
}

// yaml is loaded only for a user's .yaml rules file (the default rules are JSON)
const parseYaml = (text: string): unknown => (createRequire(import.meta.url)('yaml') as typeof Yaml).parse(text);

function readStructured(file: string): unknown {
  const text = readFileSync(file, 'utf8');
  const ext = extname(file).toLowerCase();
  try {
    return ext === '.yaml' || ext === '.yml' ? parseYaml(text) : JSON.parse(text);
  } catch (e) {
    throw new Error(`${file}: cannot parse ${ext === '.yaml' || ext === '.yml' ? 'YAML' : 'JSON'}: ${(e as Error).message}`);
  }
}

let cachedDefaults: OcrRules | undefined;

/** The default rules (data/ocr-confusions.json), validated. */
export function defaultRules(): OcrRules {
  if (cachedDefaults) return cachedDefaults;
  const file = defaultRulesPath();
  const parsed = OcrRules.safeParse(readStructured(file));
  if (!parsed.success) throw new Error(formatIssues(file, parsed.error));
  cachedDefaults = parsed.data;
  return cachedDefaults;
}

const unique = <T>(xs: T[], key: (x: T) => string): T[] => {
  const seen = new Set<string>();
  return xs.filter((x) => (seen.has(key(x)) ? false : (seen.add(key(x)), true)));
};

/** Add a user rules file to a base rule set (lists appended, settings overridden). */
export function mergeRules(base: OcrRules, user: OcrRulesFile): OcrRules {
  const b: OcrRules = user.replaceDefaults
    ? { ...base, confusions: [], protected: [], forced: [], subjectContexts: { before: [], after: [] }, placeContexts: { before: [], after: [] }, waterContexts: { before: [], after: [] } }
    : base;
  const ctx = (a: OcrRules['subjectContexts'], u: Partial<OcrRules['subjectContexts']> | undefined) => ({
    before: [...new Set([...a.before, ...(u?.before ?? [])])],
    after: [...new Set([...a.after, ...(u?.after ?? [])])],
  });
  return {
    source: [base.source, user.source].filter(Boolean).join(' + ') || undefined,
    confusions: [...b.confusions, ...(user.confusions ?? [])],
    protected: unique([...b.protected, ...(user.protected ?? [])], (p) => p.text),
    forced: unique([...b.forced, ...(user.forced ?? [])], (f) => `${f.from}\u0000${f.to}`),
    subjectContexts: ctx(b.subjectContexts, user.subjectContexts),
    placeContexts: ctx(b.placeContexts, user.placeContexts),
    waterContexts: ctx(b.waterContexts, user.waterContexts),
    wordEvidence: { ...b.wordEvidence, ...user.wordEvidence },
  };
}

/** Load a user rules file (JSON or YAML) and add it to the default rules. Throws with the file and key named. */
export function loadRules(path: string, base: OcrRules = defaultRules()): OcrRules {
  const parsed = OcrRulesFile.safeParse(readStructured(path));
  if (!parsed.success) throw new Error(formatIssues(path, parsed.error));
  return mergeRules(base, parsed.data);
}
