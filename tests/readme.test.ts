import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { formats } from '../src/emit/types.ts';
import { issueCodes } from '../src/issue-codes.ts';
import { root } from './helpers.ts';

// The README is part of the product: these keep it true.
const readme = readFileSync(join(root, 'README.md'), 'utf8');

describe('README', () => {
  test('has the two quick-start commands', () => {
    expect(readme).toContain('npm ci && npm start');
    expect(readme).toContain('npm ci && npm test');
  });

  test.each(Object.entries(issueCodes))('documents warning code %s with its severity', (code, entry) => {
    expect(readme).toMatch(new RegExp(`\\| \`${code}\` \\| ${entry.severity} \\|`));
  });

  test.each(formats.map((format) => [format]))('lists the %s format', (format) => {
    expect(readme).toContain(format);
  });

  test('the package scripts it names exist', () => {
    const scripts = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts as Record<string, string>;
    for (const name of ['start', 'test', 'bench', 'schema:write']) expect(scripts[name], name).toBeDefined();
  });
});

describe('npm start', () => {
  test('runs the bundled seed with a human summary', async () => {
    const { execSync } = await import('node:child_process');
    const out = execSync('npm start --silent', { cwd: root, encoding: 'utf8' });
    expect(out).toContain('18 domains · 158 measures');
  });
});
