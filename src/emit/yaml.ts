import type { PolicyDocument } from '../schema/index.ts';
import { schemaVersion } from '../schema/version.ts';
import { type TextEmitter, textEmitter } from './types.ts';

/**
 * YAML that every loader reads as the JSON: YAML 1.2 (the `yaml` package, Go, Rust) and 1.1
 * (PyYAML, Ruby's Psych, SnakeYAML), which also turns `yes`, `on`, `1:30`, `1_000`, `2024-06-30`,
 * `=` and `<<` into other types. So a string is written plain only when it starts with a letter
 * outside ASCII (every such word of 1.1 or 1.2 is ASCII) and holds nothing YAML reads specially;
 * every other string is double-quoted, as JSON writes it (a JSON string is a YAML one), with
 * the characters YAML may not carry raw (U+0085, U+2028, U+2029, DEL, C1, U+FEFF) escaped.
 */

/**
 * A string that YAML 1.1 and 1.2 both read back as itself when written plain: a letter outside
 * ASCII (`优化政务服务`, `山东省…`), then no control character, no line break of any kind, no `:`
 * or `#` (mapping and comment markers) and no BOM. Leaves out every string starting in ASCII.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this pattern is about.
const plainStringRe = /^[^\x00-\x7f\p{Cs}\p{Z}\p{P}\p{S}\p{C}][^\x00-\x1f\x7f-\x9f:#\u2028\u2029\ufeff\ufffe\uffff\p{Cs}]*$/u;

/** Characters that JSON leaves raw and that YAML must escape in a double-quoted string. */
const yamlUnsafeRe = /[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]/g;

/** Our keys are ASCII identifiers; none is a word 1.1 reads as a boolean or null (`y`, `on`, `null`). */
const plainKeyRe = /^[A-Za-z][A-Za-z0-9]*$/;
const reservedKeys = new Set(['y', 'n', 'yes', 'no', 'on', 'off', 'true', 'false', 'null']);

const quote = (text: string): string =>
  JSON.stringify(text).replace(yamlUnsafeRe, (char) => `\\u${(char.codePointAt(0) as number).toString(16).padStart(4, '0')}`);

function scalar(value: unknown): string {
  if (typeof value === 'string') return plainStringRe.test(value) && !/\s$/.test(value) ? value : quote(value);
  if (value === null || value === undefined) return 'null';
  return String(value);
}

const key = (name: string): string => (plainKeyRe.test(name) && !reservedKeys.has(name.toLowerCase()) ? name : quote(name));
const pad = (depth: number): string => ' '.repeat(depth);
const isEmpty = (value: unknown): boolean => (Array.isArray(value) ? value.length === 0 : Object.keys(value as object).length === 0);

/** The value of `name: value` at `indent`, from the space after the colon. */
function field(name: string, value: unknown, indent: number): string {
  if (value === null || typeof value !== 'object') return `${pad(indent)}${key(name)}: ${scalar(value)}\n`;
  if (isEmpty(value)) return `${pad(indent)}${key(name)}: ${Array.isArray(value) ? '[]' : '{}'}\n`;
  if (Array.isArray(value)) return `${pad(indent)}${key(name)}:\n${sequence(value, indent + 2)}`;
  return `${pad(indent)}${key(name)}:\n${mapping(value as Record<string, unknown>, indent + 2)}`;
}

/** A block mapping at `indent`; `first` replaces the indentation of its first line (a list item's `- `). */
function mapping(value: Record<string, unknown>, indent: number, first = pad(indent)): string {
  let out = '';
  for (const [name, item] of Object.entries(value)) {
    if (item === undefined) continue;
    out += out === '' ? first + field(name, item, indent).slice(indent) : field(name, item, indent);
  }
  return out;
}

function sequence(items: readonly unknown[], indent: number): string {
  let out = '';
  for (const item of items) out += sequenceItem(item, indent);
  return out;
}

function sequenceItem(item: unknown, indent: number): string {
  if (item === null || typeof item !== 'object') return `${pad(indent)}- ${scalar(item)}\n`;
  if (isEmpty(item)) return `${pad(indent)}- ${Array.isArray(item) ? '[]' : '{}'}\n`;
  if (Array.isArray(item)) return `${pad(indent)}-\n${sequence(item, indent + 2)}`;
  return mapping(item as Record<string, unknown>, indent + 2, `${pad(indent)}- `);
}

/** Measures per part: few enough to bound memory, enough that writes stay few. */
const measuresPerPart = 64;

/** A document as an item of `documents:`, a domain's head and a few measures at a time. */
function* renderDocument(doc: PolicyDocument): Generator<string> {
  let out = '';
  let firstLine = '  - ';
  for (const [name, value] of Object.entries(doc)) {
    const line = (text: string) => {
      out += firstLine + text.slice(4);
      firstLine = '    ';
    };
    if (name !== 'domains' || doc.domains.length === 0) {
      line(field(name, value, 4));
      continue;
    }
    line('    domains:\n');
    for (const domain of doc.domains) {
      let domainFirst = '      - ';
      for (const [domainKey, domainValue] of Object.entries(domain)) {
        if (domainKey !== 'measures' || domain.measures.length === 0) {
          out += domainFirst + field(domainKey, domainValue, 8).slice(8);
          domainFirst = pad(8);
          continue;
        }
        out += `${domainFirst}measures:\n`;
        domainFirst = pad(8);
        for (const [m, measure] of domain.measures.entries()) {
          out += sequenceItem(measure, 10);
          if ((m + 1) % measuresPerPart === 0) {
            yield out;
            out = '';
          }
        }
      }
      yield out;
      out = '';
    }
  }
  if (out.length > 0) yield out;
}

/** `schemaVersion`, then `documents:` and each document as a list item. */
export function createYamlEmitter(): TextEmitter {
  return textEmitter({
    head: `schemaVersion: ${scalar(schemaVersion)}\n`,
    separator: (written) => (written === 0 ? 'documents:\n' : ''),
    tail: (written) => (written === 0 ? 'documents: []\n' : ''),
    render: renderDocument,
  });
}

/** Any JSON-shaped value as block YAML by the same rules (the schema command's YAML). */
export function toYamlText(value: Record<string, unknown>): string {
  return mapping(value, 0);
}
