// The floor under plancorpus's PDF ingest: pdfjs alone, no plancorpus code. Loads pdfjs-dist's
// legacy (Node) build as its docs say (cMaps and standard fonts from the installed package, the
// worker in this thread) and reads every page's text content, as `pdftotext` reads text; with
// --ops, every page's operator list too (what the drawn rules come from), in pdfjs's defaults.
// Prints nothing but the page count; run it under /usr/bin/time. Used by scripts/bench-pdf.js.
// Usage: node scripts/bench-pdfjs-floor.mjs file.pdf [--ops]
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [file, flag] = process.argv.slice(2);
const pkgDir = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const workerUrl = pathToFileURL(join(pkgDir, 'legacy', 'build', 'pdf.worker.mjs')).href;
const [pdfjs] = await Promise.all([import('pdfjs-dist/legacy/build/pdf.mjs'), import(workerUrl)]);
const task = pdfjs.getDocument({
  data: new Uint8Array(readFileSync(file)),
  cMapUrl: join(pkgDir, 'cmaps') + '/',
  standardFontDataUrl: join(pkgDir, 'standard_fonts') + '/',
  isEvalSupported: false,
  verbosity: pdfjs.VerbosityLevel.ERRORS,
});
const doc = await task.promise;
for (let n = 1; n <= doc.numPages; n++) {
  const page = await doc.getPage(n);
  await page.getTextContent();
  if (flag === '--ops') await page.getOperatorList();
  page.cleanup();
}
console.log(doc.numPages);
await task.destroy();
