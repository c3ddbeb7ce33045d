import { Command, Option } from 'commander';
import type { Io, SetExit } from '../io.js';
import { EXIT } from '../io.js';

export function schemaCommand(io: Io, setExit: SetExit): Command {
  return new Command('schema')
    .description('print the JSON Schema of the output (generated from the zod schemas)')
    .addOption(new Option('--of <which>', 'the schema of a document, of index.json or of links.json').choices(['document', 'index', 'links']).default('document'))
    .action(async (opts: { of: 'document' | 'index' | 'links' }) => {
      const { jsonSchema } = await import('../../schemas/json-schema.js');
      io.stdout(`${JSON.stringify(jsonSchema(opts.of), null, 2)}\n`);
      setExit(EXIT.ok);
    });
}
