import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { extract } from '../src/pipeline.ts';
import { DecodeError, decode } from '../src/read/decode.ts';
import { fixturesDir } from './helpers.ts';

const original = readFileSync(join(fixturesDir, 'chinese-comma-domains', 'input.txt'), 'utf8');

describe('decode', () => {
  test.each([
    ['utf8-bom.txt', 'utf-8'],
    ['utf16le-bom.txt', 'utf-16le'],
    ['utf16be-bom.txt', 'utf-16be'],
    ['gb18030.txt', 'gb18030'],
    ['gbk-crlf.txt', 'gb18030'],
  ])('detects %s as %s and decodes it to the same text', (file, encoding) => {
    const decoded = decode(readFileSync(join(fixturesDir, 'encodings', file)));
    expect(decoded.encoding).toBe(encoding);
    expect(decoded.text.replace(/\r\n/g, '\n')).toBe(original);
  });

  test('extracts the same ledger from every encoding', () => {
    const expected = extract(original).domains;
    for (const file of ['gb18030.txt', 'gbk-crlf.txt', 'utf16le-bom.txt']) {
      const doc = extract(decode(readFileSync(join(fixturesDir, 'encodings', file))).text);
      expect(doc.domains.map((d) => d.measures.map((m) => [m.id, m.title, m.leadUnits, m.responsibleUnits, m.deadlines.map((x) => x.date)]))).toEqual(
        expected.map((d) => d.measures.map((m) => [m.id, m.title, m.leadUnits, m.responsibleUnits, m.deadlines.map((x) => x.date)])),
      );
    }
  });

  test.each([
    [[0x25, 0x50, 0x44, 0x46, 0x2d, 0x31], /PDF/],
    [[0x50, 0x4b, 0x03, 0x04, 0, 0], /ZIP/],
    [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a], /PNG/],
    [[0x41, 0x00, 0x42, 0x00], /NUL/],
    [[0xff, 0xff, 0xff, 0xfe, 0x80, 0x80, 0xff], /not valid/],
  ])('refuses binary or undecodable bytes %j', (bytes, message) => {
    expect(() => decode(Uint8Array.from(bytes))).toThrow(DecodeError);
    expect(() => decode(Uint8Array.from(bytes))).toThrow(message);
  });

  test('a forced encoding skips detection', () => {
    expect(decode(readFileSync(join(fixturesDir, 'encodings', 'gb18030.txt')), 'gb18030').text).toBe(original);
    expect(() => decode(Buffer.from([0xc9, 0xbd, 0xb6]), 'utf-8')).toThrow(/not valid utf-8/);
  });
});
