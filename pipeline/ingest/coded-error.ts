/** An error of one input with a code for the index (docx-invalid, undecodable, …): the reader's own kind of failure. */
export class CodedError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = new.target.name;
    this.code = code;
  }
}
