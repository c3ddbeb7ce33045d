import { Command, Option } from 'commander';
import type { Io, SetExit } from '../io.js';
import { EXIT } from '../io.js';

export function schemaCommand(io: Io, setExit: SetExit): Command {
  return new Command('schema')
    .description('print the JSON Schema of the output (generated from the zod schemas)')
    .addOption(new Option('--of <which>', 'the schema of a document or of index.json').choices(['document', 'index']).default('document'))
    .action(async (opts: { of: 'document' | 'index' }) => {
      const { jsonSchema } = await import('../../schemas/json-schema.js');
      io.stdout(`${JSON.stringify(jsonSchema(opts.of), null, 2)}\n`);
      setExit(EXIT.ok);
    });
}
