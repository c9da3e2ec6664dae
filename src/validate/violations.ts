/** One failed check, as the generated validator (ajv's code) reports it: where (a JSON Pointer), which keyword, its parameters. */
export interface ShapeError {
  readonly instancePath: string;
  readonly schemaPath: string;
  readonly keyword: string;
  readonly params: Readonly<Record<string, unknown>>;
}

/** One way a value breaks the contract: a JSON path (`$.documents[0].year`) and what is wrong. */
export interface Violation {
  readonly path: string;
  readonly message: string;
  /** For NDJSON, the 1-based line of the record. */
  readonly line?: number;
}

/** Control characters (C0, DEL, C1) as `\u001b`: a file's bytes must not reach a terminal raw through a message. */
export function printable(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it finds
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** `['documents', 0, 'year']` → `$.documents[0].year`. */
export function jsonPath(path: readonly PropertyKey[]): string {
  return `$${path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${printable(String(key))}`)).join('')}`;
}

/** A JSON Pointer (`/documents/0/year`) as keys: digits index arrays only where the value is one. */
function pointerKeys(root: unknown, pointer: string): { keys: PropertyKey[]; value: unknown } {
  const keys: PropertyKey[] = [];
  let value = root;
  if (pointer === '') return { keys, value };
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const index = Array.isArray(value) ? Number(key) : Number.NaN;
    keys.push(Number.isInteger(index) ? index : key);
    value = value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[Number.isInteger(index) ? index : key] : undefined;
  }
  return { keys, value };
}

const typeName = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

/** A value in a message: short, and one line whatever it holds. */
function shown(value: unknown): string {
  if (typeof value === 'object' && value !== null) return typeName(value);
  const text = value === undefined ? 'undefined' : JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

const either = (types: unknown): string => String(types).split(',').join(' or ');

function message(error: ShapeError, value: unknown): string {
  const { params } = error;
  switch (error.keyword) {
    case 'type':
      return `expected ${either(params.type)}, received ${typeName(value)}${typeof value === 'object' ? '' : ` ${shown(value)}`}`;
    case 'enum':
      return `expected one of ${(params.allowedValues as unknown[]).map((allowed) => JSON.stringify(allowed)).join(', ')}, received ${shown(value)}`;
    case 'pattern':
      return `expected a string matching /${String(params.pattern)}/, received ${shown(value)}`;
    case 'minimum':
    case 'maximum':
      return `expected a number ${String(params.comparison)} ${String(params.limit)}, received ${shown(value)}`;
    case 'minLength':
      return params.limit === 1 ? 'expected a non-empty string' : `expected at least ${String(params.limit)} characters`;
    default:
      return `fails the schema's \`${error.keyword}\` check`;
  }
}

/**
 * ajv's errors as violations, in its order. A failed `required` or `additionalProperties` is
 * reported at the field itself. For a nullable field (an `anyOf` of a type and null) the branch
 * the value belongs to speaks: `expected integer or null, received string "x"` when it belongs
 * to none, `expected a number >= 1, received 0` when it is an integer out of range.
 */
export function toViolations(errors: readonly ShapeError[], root: unknown, line?: number): Violation[] {
  const at = (keys: PropertyKey[], text: string): Violation => ({ path: jsonPath(keys), message: text, ...(line === undefined ? {} : { line }) });
  const branches = new Set<ShapeError>();
  const found: Violation[] = [];
  for (const error of errors) {
    if (error.keyword !== 'anyOf') continue;
    for (const other of errors) if (other.schemaPath.startsWith(`${error.schemaPath}/`)) branches.add(other);
  }
  for (const error of errors) {
    if (branches.has(error)) continue;
    const { keys, value } = pointerKeys(root, error.instancePath);
    if (error.keyword === 'required') found.push(at([...keys, String(error.params.missingProperty)], 'missing: the field is required'));
    else if (error.keyword === 'additionalProperties')
      found.push(at([...keys, String(error.params.additionalProperty)], 'unexpected field: the schema has no such field'));
    else if (error.keyword === 'anyOf') {
      const inside = errors.filter((other) => other.schemaPath.startsWith(`${error.schemaPath}/`));
      const wrongType = inside.filter((other) => other.keyword === 'type');
      const fitting = inside.filter((other) => other.keyword !== 'type');
      if (fitting.length > 0) for (const other of fitting) found.push(at(keys, message(other, value)));
      else found.push(at(keys, message({ ...error, keyword: 'type', params: { type: wrongType.map((other) => other.params.type).join(',') } }, value)));
    } else found.push(at(keys, message(error, value)));
  }
  return found;
}
