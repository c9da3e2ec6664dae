/**
 * Why a file could not be read, as data: a stable code for programs and tests, a one-line
 * message for people. Readers throw nothing else for bad input.
 */

export type ReadErrorCode =
  /** A format no reader handles (.doc, .xlsx, an image): the message names the conversion to make. */
  | 'unsupported-format'
  /** The bytes are not text in any encoding tried. */
  | 'not-text'
  /** A ZIP container that is broken, too large once inflated, or has too many parts. */
  | 'zip-broken'
  | 'zip-too-large'
  | 'zip-too-many-parts'
  /** A part the format requires is missing (word/document.xml, a page of an OFD). */
  | 'missing-part'
  /** XML with a DOCTYPE (entity expansion, external entities), nested too deep, or malformed. */
  | 'xml-doctype'
  | 'xml-too-deep'
  | 'xml-broken'
  /** PDF: unreadable, encrypted, too many pages, or without a text layer. */
  | 'pdf-broken'
  | 'pdf-encrypted'
  | 'pdf-too-many-pages'
  | 'no-text-layer'
  /** A web page larger than the reader takes, or nested deeper than any real page. */
  | 'too-large'
  | 'html-too-deep'
  /** The file has no text at all. */
  | 'empty-document';

export class ReadError extends Error {
  override readonly name = 'ReadError';
  readonly code: ReadErrorCode;
  constructor(code: ReadErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}
