/** Input formats the ingest step knows. */
export type InputFormat = 'pdf' | 'txt' | 'docx' | 'html' | 'md';

/** File extensions (lower case, no dot) of each input format: the one list that discovery and errors use. */
export const FORMAT_EXTENSIONS: Readonly<Record<InputFormat, readonly string[]>> = {
  txt: ['txt', 'text'],
  pdf: ['pdf'],
  docx: ['docx'],
  html: ['html', 'htm', 'shtml', 'xhtml'],
  md: ['md', 'markdown'],
};

/** Every extension that is an input format. */
export const INPUT_EXTENSION_LIST: readonly string[] = Object.values(FORMAT_EXTENSIONS).flat();

/** "supported: .txt, .text, .pdf, …" for error messages. */
export const SUPPORTED_FORMATS_TEXT = `supported input formats: ${INPUT_EXTENSION_LIST.map((e) => `.${e}`).join(', ')}`;

/** Why an input is not read: its extension or its bytes say it is not a supported format. */
export class UnsupportedFormatError extends Error {
  readonly code = 'unsupported-format';
  constructor(message: string) {
    super(message);
    this.name = 'UnsupportedFormatError';
  }
}

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"
/** Acrobat accepts the header anywhere in the first 1024 bytes (e.g. after a BOM or mail/HTTP junk). */
const PDF_HEADER_WINDOW = 1024;

/**
 * Tell a PDF from plain text by its magic bytes: "%PDF-" at the start of the file,
 * after a UTF-8 BOM, or at the start of a line within the first 1024 bytes (PDF
 * readers tolerate a little junk before the header). Everything else is 'txt'
 * (the text decoder decides about encodings).
 */
export function detectFormat(bytes: Uint8Array): 'pdf' | 'txt' {
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

/** A zip archive (.docx, .xlsx, .odt …) starts with a local file header "PK\x03\x04" (or "PK\x05\x06" when empty). */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5) && (bytes[3] === 4 || bytes[3] === 6);
}

const extensionOf = (path: string): string => {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
};

/** The format a path's extension names (FORMAT_EXTENSIONS), or null; the bytes may still say otherwise (inputFormat). */
export function extensionFormat(path: string): InputFormat | null {
  const ext = extensionOf(path);
  return (Object.keys(FORMAT_EXTENSIONS) as InputFormat[]).find((f) => FORMAT_EXTENSIONS[f].includes(ext)) ?? null;
}

/** Formats that are close to a supported one but are not read, with what to do instead. */
const HINTS: Record<string, string> = {
  doc: 'a legacy binary Word file: save it as .docx',
  wps: 'a WPS binary file: save it as .docx',
  rtf: 'save it as .docx',
  xlsx: 'a spreadsheet, not a document',
  xls: 'a spreadsheet, not a document',
  json: 'data, not a document (a corpus output folder inside the inputs?)',
};

/**
 * The format of one input, from its extension and its bytes: PDF magic wins (a PDF saved as .txt is
 * still a PDF); a known extension gives its format; anything else — no extension, .json, .xlsx, a
 * .docx that is not a zip — is an UnsupportedFormatError naming the supported formats.
 */
export function inputFormat(path: string, bytes: Uint8Array): InputFormat {
  if (bytes.length > 0 && detectFormat(bytes) === 'pdf') return 'pdf';
  const ext = extensionOf(path);
  const format = extensionFormat(path);
  if (format === null) {
    const what = ext === '' ? 'a file without an extension' : `.${ext}${HINTS[ext] ? ` (${HINTS[ext]})` : ''}`;
    throw new UnsupportedFormatError(`${what} is not an input format; ${SUPPORTED_FORMATS_TEXT}`);
  }
  // no PDF header (the PDF magic was checked first), or empty: the text decoder decides (binary, empty-input)
  if (format === 'pdf' || bytes.length === 0) return 'txt';
  if (format === 'docx' && !isZip(bytes)) throw new UnsupportedFormatError(`the .docx file is not a zip archive (a legacy .doc renamed?); ${SUPPORTED_FORMATS_TEXT}`);
  if (format !== 'docx' && isZip(bytes)) throw new UnsupportedFormatError(`the .${ext} file is a zip archive, not ${format} text; ${SUPPORTED_FORMATS_TEXT}`);
  return format;
}
