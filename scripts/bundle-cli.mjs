// The command line's start-up: `plancorpus` runs from one bundle of the compiled CLI, made at
// `npm run build` into dist/cli-bundle/ (esbuild, a devDependency): cli.js, the build workers'
// worker.js beside it (corpus/workers/pool.ts starts ./worker.js next to itself), and shared chunks
// for what commands load only when they run (--version loads no pipeline). Loading ~150 modules one
// by one (resolve, read, compile, link each) was about a sixth of a small build's time; zod, ESM and
// loaded by every build, is bundled in too. The other packages stay in node_modules (CommonJS ones
// cannot be bundled into ESM, and large optional ones load only when their format comes).
// The library (dist/index.js) is not bundled: it stays the tsc output, module per module.
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { dependencies } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const INLINE = new Set(['zod']);
const outdir = join(root, 'dist/cli-bundle');
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: { cli: join(root, 'dist/cli/index.js'), worker: join(root, 'dist/corpus/workers/worker.js') },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: Object.keys(dependencies)
    .filter((d) => !INLINE.has(d))
    .flatMap((d) => [d, `${d}/*`]),
  legalComments: 'eof',
  logLevel: 'warning',
});
