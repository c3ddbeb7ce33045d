// The review site's PDF page view: pdfjs-dist (legacy build) and its worker bundled into one classic
// script, dist/review-site/pdfjs.js, at `npm run build` (esbuild, a devDependency; nothing is fetched).
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
await build({
  entryPoints: [join(root, 'assets/review-site/pdfjs-entry.mjs')],
  outfile: join(root, 'dist/review-site/pdfjs.js'),
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'chrome110',
  minify: true,
  legalComments: 'eof',
  logLevel: 'warning',
});
