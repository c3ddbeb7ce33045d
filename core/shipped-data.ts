import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { packageFile } from './package-root.js';

/**
 * A JSON data file shipped in the package's data/ folder, read as the shape its schema states
 * without validating it at every start-up: the shipped files are validated against the same
 * schemas by test/shipped-data.test.ts (a schema with defaults or transforms must not be read this
 * way: the parsed value would differ from the file). A file the user names is always validated
 * (`readValidated`).
 */
export function readShipped<S extends z.ZodType>(rel: string, _schema: S): z.infer<S> {
  return JSON.parse(readFileSync(packageFile(rel), 'utf8')) as z.infer<S>;
}

/** A JSON data file named by the user, validated; its problems are named with the file. */
export function readValidated<S extends z.ZodType>(file: string, schema: S, what: string): z.infer<S> {
  const parsed = schema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file}: not a ${what}: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

