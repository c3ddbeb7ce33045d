import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { packageFile } from './package-root.js';

/** data/npc-sessions.json: the year each session of each National People's Congress opened, with its source. */
const Year = z.number().int().min(1949).max(2100);
export const NpcSessionsFile = z
  .object({
    source: z.object({ dataset: z.string().min(1), note: z.string() }).strict(),
    terms: z
      .record(z.string().regex(/^[1-9]\d*$/), z.array(Year).min(1))
      .refine((t) => Object.values(t).every((ys) => ys.every((y, i) => i === 0 || y > ys[i - 1])), 'each term’s sessions in order, one a year'),
  })
  .strict();
export type NpcSessionsFile = z.infer<typeof NpcSessionsFile>;

let cached: ReadonlyMap<number, readonly number[]> | undefined;

/** The years of the sessions of each National People's Congress, by term (loaded and validated once). */
export function npcSessionYears(path?: string): ReadonlyMap<number, readonly number[]> {
  if (path === undefined && cached) return cached;
  const file = path ?? packageFile('data/npc-sessions.json');
  const parsed = NpcSessionsFile.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file}: not an NPC sessions file: ${z.prettifyError(parsed.error)}`);
  const terms = new Map(Object.entries(parsed.data.terms).map(([t, ys]) => [Number(t), ys] as const));
  if (path === undefined) cached = terms;
  return terms;
}
