import { Command } from 'commander';
import { jsonSchema } from '../../schemas/json-schema.js';
import type { Io } from '../io.js';
import { UsageError } from './build.js';

export function schemaCommand(io: Io): Command {
  return new Command('schema')
    .description('print the JSON Schema of the output (generated from the zod schemas)')
    .option('--of <which>', 'document or index', 'document')
    .action((opts: { of: string }) => {
      if (opts.of !== 'document' && opts.of !== 'index') throw new UsageError(`--of must be document or index, not ${opts.of}`);
      io.stdout(`${JSON.stringify(jsonSchema(opts.of), null, 2)}\n`);
    });
}
