#!/usr/bin/env node
import { execute } from '../dist/cli/index.js';

process.exitCode = await execute(process.argv.slice(2));
