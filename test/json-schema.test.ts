/**
 * The published JSON Schema, checked by a validator that is not zod and not JavaScript: Debian's
 * python3-jsonschema validates the fixture corpus against it, so the schema has to be standard
 * Draft 2020-12 that other languages read (no \p{…} patterns, named $defs that resolve).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execute } from '../cli/index.js';
import { PlanDocument, SCHEMA_VERSION } from '../schemas/document.js';
import { jsonSchema } from '../schemas/json-schema.js';
import { FIXTURES, ROOT, sharedScratchFolders } from './helpers.js';

// the system python: a pyenv python earlier in PATH lacks Debian's modules
const PYTHON = '/usr/bin/python3';
const VALIDATE = `
import json, sys
from jsonschema import Draft202012Validator, FormatChecker
def load(path):
    with open(path, encoding='utf-8') as f:
        return json.load(f)
schema_path, *paths = sys.argv[1:]
schema = load(schema_path)
Draft202012Validator.check_schema(schema)
# check_schema skips formats: with them, every "pattern" has to compile with Python's re (format "regex")
errors = 0
for e in Draft202012Validator(Draft202012Validator.META_SCHEMA, format_checker=FormatChecker()).iter_errors(schema):
    errors += 1
    print(f"schema: /{'/'.join(map(str, e.absolute_path))}: {e.message}")
validator = Draft202012Validator(schema)
for path in paths:
    for e in validator.iter_errors(load(path)):
        errors += 1
        print(f"{path}: /{'/'.join(map(str, e.absolute_path))}: {e.message}")
print(f"{len(paths)} instances, {errors} errors")
sys.exit(1 if errors else 0)
`;

const schemas = { document: jsonSchema('document'), index: jsonSchema('index') } as Record<'document' | 'index', Record<string, any>>;

/** Every `pattern` in a schema, with where it stands. */
function patterns(node: unknown, path = '#'): Array<[string, string]> {
  if (Array.isArray(node)) return node.flatMap((x, i) => patterns(x, `${path}/${i}`));
  if (!node || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([k, v]) => (k === 'pattern' && typeof v === 'string' ? [[path, v] as [string, string]] : patterns(v, `${path}/${k}`)));
}

describe('published JSON Schema', () => {
  const dir = sharedScratchFolders('json-schema')();
  const out = join(dir, 'corpus');
  beforeAll(async () => {
    execFileSync('bash', [join(ROOT, 'scripts', 'ensure-apt.sh'), 'python3-jsonschema'], { stdio: ['ignore', 'inherit', 'inherit'] });
    const io = { stdout: () => undefined, stderr: (s: string) => void process.stderr.write(s), stderrIsTTY: false };
    expect(await execute(['build', FIXTURES, '--out', out, '-q'], io)).toBe(0);
    for (const which of ['document', 'index'] as const) writeFileSync(join(dir, `${which}.schema.json`), JSON.stringify(schemas[which]));
  }, 300_000);

  it.each(['document', 'index'] as const)('%s schema: $id, title and description', (which) => {
    const s = schemas[which];
    expect(s.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(s.$id).toBe(`https://plancorpus.dev/schema/${which}-${SCHEMA_VERSION}.json`);
    expect(s.title).toBe(which === 'document' ? 'plancorpus document' : 'plancorpus corpus index');
    expect(s.description).toEqual(expect.any(String));
  });

  it('names its $defs after the zod schemas, none generated', () => {
    const defs = Object.keys(schemas.document.$defs);
    expect(defs).toEqual(expect.arrayContaining(['Section', 'Paragraph', 'Box', 'Table', 'Indicator', 'Quantity', 'SourceSpan', 'Meta', 'Region', 'Correction', 'Diagnostic', 'Removal']));
    expect(Object.keys(schemas.index.$defs)).toContain('IndexEntry');
    for (const s of Object.values(schemas)) expect(Object.keys(s.$defs).filter((k) => k.startsWith('__schema'))).toEqual([]);
    // the recursion goes through the named def
    expect(schemas.document.$defs.Section.properties.children.items).toEqual({ $ref: '#/$defs/Section' });
  });

  it('has only patterns other regex engines read: no \\p{…}, nothing that needs the u flag', () => {
    const all = Object.values(schemas).flatMap((s) => patterns(s));
    expect(all.length).toBeGreaterThan(0);
    for (const [where, p] of all) {
      expect(p, where).not.toMatch(/\\[pP]\{|\\u\{/);
      expect(() => new RegExp(p), where).not.toThrow();
    }
  });

  it('publishes a document id pattern that accepts every id zod accepts', () => {
    const id = PlanDocument.shape.id;
    const published = [new RegExp(schemas.document.properties.id.pattern), new RegExp(schemas.document.properties.id.pattern, 'u')];
    // whatever the published pattern rejects (read with or without the u flag), zod must reject too
    const rejected: string[] = [];
    for (let c = 0; c <= 0x10ffff; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCodePoint(c);
      for (const s of [ch, `a.${ch}-${ch}_${ch}`]) if (!published.every((re) => re.test(s))) rejected.push(s);
    }
    expect(rejected.length).toBeGreaterThan(0);
    expect(rejected.filter((s) => id.safeParse(s).success)).toEqual([]);
    for (const bad of ['', '-a', '.a', 'a b', 'a/b', 'a:b', 'a\\b']) expect(published[0].test(bad), bad).toBe(false);
  });

  it('validates every document of the fixture corpus and its index.json with python3-jsonschema', () => {
    const docs = readdirSync(out).filter((f) => f.endsWith('.json') && f !== 'index.json').map((f) => join(out, f));
    const index = JSON.parse(readFileSync(join(out, 'index.json'), 'utf8')) as { documents: Array<{ output: string | null }> };
    expect(docs.length).toBe(index.documents.filter((d) => d.output).length);
    for (const [which, paths] of [['document', docs], ['index', [join(out, 'index.json')]]] as const) {
      const r = spawnSync(PYTHON, ['-c', VALIDATE, join(dir, `${which}.schema.json`), ...paths], { encoding: 'utf8' });
      expect(r.status, `${which}: ${r.error?.message ?? ''}${r.stdout}${r.stderr}`).toBe(0);
      expect(r.stdout).toContain(`${paths.length} instances, 0 errors`);
    }
  });
});
