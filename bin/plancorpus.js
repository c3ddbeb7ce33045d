#!/usr/bin/env node
import { execute } from '../dist/cli-bundle/cli.js';

// a closed pipe (plancorpus review … | head) ends the output quietly
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

process.exitCode = await execute(process.argv.slice(2));
