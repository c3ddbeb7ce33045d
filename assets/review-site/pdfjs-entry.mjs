// Bundled by scripts/bundle-review-pdfjs.mjs into one classic script (pages opened from file:// cannot load
// ES modules or start workers from files): pdf.js and its worker run on the page's main thread.
import * as pdfjsLib from 'pdfjs-dist/legacy/build/pdf.mjs';
import * as pdfjsWorker from 'pdfjs-dist/legacy/build/pdf.worker.mjs';

globalThis.pdfjsWorker = pdfjsWorker;
globalThis.pdfjsLib = pdfjsLib;
