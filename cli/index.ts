import { Command, CommanderError } from 'commander';
import { TOOL_VERSION } from '../core/version.js';
import { EXIT, processIo, UsageError, type Io } from './io.js';
import { buildCommand } from './commands/build.js';
import { validateCommand } from './commands/validate.js';
import { schemaCommand } from './commands/schema.js';
import { outlineCommand } from './commands/outline.js';
import { reviewCommand } from './commands/review.js';
import { exportCommand } from './commands/export.js';
import { diffCommand } from './commands/diff.js';
import { queueCommand } from './commands/queue.js';
import { workerCommand } from './commands/worker.js';
import { linkCommand } from './commands/link.js';

/** Run the CLI: argv without node and script. Returns the exit code; never calls process.exit. */
export async function execute(argv: readonly string[], io: Io = processIo): Promise<number> {
  let exitCode: number = EXIT.ok;
  const setExit = (code: number): void => {
    exitCode = Math.max(exitCode, code);
  };
  const program = new Command('plancorpus')
    .description('Turn Chinese local-government planning documents into a clean, traceable JSON corpus')
    .version(TOOL_VERSION)
    .showHelpAfterError()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .exitOverride();
  const commands = [buildCommand(io, setExit), validateCommand(io, setExit), schemaCommand(io, setExit), outlineCommand(io, setExit), reviewCommand(io, setExit), exportCommand(io, setExit), diffCommand(io, setExit), linkCommand(io, setExit)];
  commands.push(queueCommand(io, setExit), workerCommand(io, setExit));
  // every command and subcommand reports through io and returns instead of exiting the process
  const wire = (c: Command): void => {
    c.exitOverride().configureOutput({ writeOut: io.stdout, writeErr: io.stderr }).showHelpAfterError();
    for (const sub of c.commands) wire(sub);
  };
  for (const c of commands) {
    wire(c);
    program.addCommand(c);
  }
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) {
      // help asked for (--help) is a success; help shown because a command was missing is a usage error
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version') return EXIT.ok;
      return EXIT.usage;
    }
    if (err instanceof UsageError) {
      io.stderr(`plancorpus: ${err.message}\n`);
      return EXIT.usage;
    }
    io.stderr(`plancorpus: ${err instanceof Error ? err.message : String(err)}\n`);
    return EXIT.usage;
  }
  return exitCode;
}
