import { Parser } from 'htmlparser2';
import { ReadError } from './errors.ts';

/**
 * XML parts of DOCX and OFD, read as a stream of events (htmlparser2 in XML mode): no tree is
 * built, only the five predefined entities and character references are decoded, and a
 * DOCTYPE (the door to entity expansion and external entities) is refused outright.
 */

/** Word nests tables in tables, but never this deep; a hostile part may nest a million levels. */
export const maxXmlDepth = 256;

export interface XmlHandler {
  open?(name: string, attributes: Readonly<Record<string, string>>): void;
  close?(name: string): void;
  text?(text: string): void;
}

/** Bytes of an XML part to a string: UTF-8, or UTF-16 when it starts with a byte-order mark. */
export function decodeXml(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes);
}

/** Runs `handler` over the part's elements and text, in document order. `part` names it in errors. */
export function parseXml(bytes: Uint8Array, part: string, handler: XmlHandler): void {
  let depth = 0;
  const parser = new Parser(
    {
      onprocessinginstruction(name) {
        if (name.toLowerCase() === '!doctype')
          throw new ReadError('xml-doctype', `${part} declares a DOCTYPE, which documents never need (entity expansion is refused)`);
      },
      onopentag(name, attributes) {
        depth++;
        if (depth > maxXmlDepth) throw new ReadError('xml-too-deep', `${part} nests elements more than ${maxXmlDepth} levels deep`);
        handler.open?.(name, attributes);
      },
      onclosetag(name) {
        depth--;
        handler.close?.(name);
      },
      ontext(text) {
        handler.text?.(text);
      },
    },
    { xmlMode: true, decodeEntities: true, recognizeSelfClosing: true },
  );
  parser.write(decodeXml(bytes));
  parser.end();
}
