/** Input formats the ingest step knows. */
export type InputFormat = 'pdf' | 'txt';

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"
/** Acrobat accepts the header anywhere in the first 1024 bytes (e.g. after a BOM or mail/HTTP junk). */
const PDF_HEADER_WINDOW = 1024;

/**
 * Tell a PDF from plain text by its magic bytes: "%PDF-" at the start of the file,
 * after a UTF-8 BOM, or at the start of a line within the first 1024 bytes (PDF
 * readers tolerate a little junk before the header). Everything else is 'txt'
 * (the text decoder decides about encodings).
 */
export function detectFormat(bytes: Uint8Array): InputFormat {
  const limit = Math.min(bytes.length, PDF_HEADER_WINDOW) - PDF_MAGIC.length;
  for (let i = 0; i <= limit; i++) {
    const afterBom = i === 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    const lineStart = i === 0 || afterBom || bytes[i - 1] === 0x0a || bytes[i - 1] === 0x0d;
    if (!lineStart) continue;
    let match = true;
    for (let k = 0; k < PDF_MAGIC.length; k++) {
      if (bytes[i + k] !== PDF_MAGIC[k]) {
        match = false;
        break;
      }
    }
    if (match) return 'pdf';
  }
  return 'txt';
}
