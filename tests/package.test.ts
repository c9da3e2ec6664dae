import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { root } from './helpers.ts';

/**
 * Writes `files` into a fresh folder inside the project (so that `policy-extract` resolves to this
 * package, as for a user who installed it), runs `use` on it, and removes the folder.
 */
function inConsumerFolder<T>(files: Record<string, string>, use: (dir: string) => T): T {
  const dir = mkdtempSync(join(root, '.package-test-'));
  try {
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    return use(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// These run the built package (dist/, made by `npm ci` through `prepare`) the way users do.
describe('the built package', () => {
  test('imports from its package name, with types', () => {
    const script = [
      "import { extract, toCsv, toYaml, schemaVersion, validateDocument } from 'policy-extract';",
      "const doc = extract('重点任务\\n1.推进改革。6月底前完成。（牵头单位：市财政局）', { year: 2024 });",
      'console.log(JSON.stringify([schemaVersion, doc.domains[0].measures[0].leadUnits, doc.domains[0].measures[0].deadlines[0].date, validateDocument(doc).length, toCsv([doc]).split("\\r\\n").length, typeof toYaml([doc])]));',
    ].join('\n');
    const out = inConsumerFolder({ 'use.mjs': script }, (dir) => execFileSync(process.execPath, [join(dir, 'use.mjs')], { encoding: 'utf8' }));
    expect(JSON.parse(out)).toEqual(['1.3.0', ['市财政局'], '2024-06-30', 0, 3, 'string']);
  });

  test('policy-extract/validate checks stored output without the extraction pipeline', () => {
    const script = [
      "import { extract } from 'policy-extract';",
      "import { validateText, validateDocument } from 'policy-extract/validate';",
      "const doc = extract('重点任务\\n1.推进改革。6月底前完成。（牵头单位：市财政局）', { year: 2024 });",
      "const broken = { ...doc, year: 'twenty' };",
      "const record = JSON.stringify({ schemaVersion: '1.0.0', ...doc, domains: undefined });",
      'console.log(JSON.stringify([validateDocument(doc), validateDocument(broken)[0].path, validateText(record, "ndjson").violations[0]]));',
    ].join('\n');
    const out = inConsumerFolder({ 'check.mjs': script }, (dir) => execFileSync(process.execPath, [join(dir, 'check.mjs')], { encoding: 'utf8' }));
    const [valid, brokenPath, recordViolation] = JSON.parse(out) as [unknown[], string, { line: number }];
    expect(valid).toEqual([]);
    expect(brokenPath).toBe('$.year');
    expect(recordViolation.line).toBe(1);
  });

  test('a TypeScript project type-checks against its published declarations', () => {
    const source = [
      "import { extract, toCsv, type Measure, type PolicyDocument } from 'policy-extract';",
      "const doc: PolicyDocument = extract('重点任务\\n1.推进改革。（牵头单位：市财政局）', { year: 2024 });",
      'const first: Measure | undefined = doc.domains[0]?.measures[0];',
      "const csv: string = toCsv([doc], { headers: 'en' });",
      'export const result = [first?.leadUnits, csv.length];',
    ].join('\n');
    const tsconfig = JSON.stringify({
      compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', strict: true, noEmit: true, skipLibCheck: false, types: ['node'] },
      include: ['use.ts'],
    });
    inConsumerFolder({ 'use.ts': source, 'tsconfig.json': tsconfig }, (dir) =>
      execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(dir, 'tsconfig.json')], { encoding: 'utf8' }),
    );
  });

  test('--help and --version answer from the build what the CLI itself says', async () => {
    const { runCli } = await import('./cli-harness.ts');
    for (const flag of ['--help', '-h', '--version']) {
      const built = execFileSync(process.execPath, [join(root, 'bin', 'policy-extract.js'), flag], { encoding: 'utf8' });
      const [, inProcess] = await runCli([flag]);
      expect(built, flag).toBe(inProcess);
    }
  });

  test('bin/policy-extract.js runs under plain node', () => {
    const out = execFileSync(process.execPath, [join(root, 'bin', 'policy-extract.js'), '--format', 'summary'], { encoding: 'utf8', cwd: root });
    expect(out).toContain('18 domains · 158 measures');
  });

  test('stdout closed early (| head -1) exits quietly with 0', () => {
    const out = execFileSync(
      'bash',
      ['-c', `set -o pipefail; node ${join(root, 'bin', 'policy-extract.js')} --format ndjson | head -1 >/dev/null; echo "\${PIPESTATUS[0]}"`],
      { encoding: 'utf8', cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    expect(out.trim()).toBe('0');
  });
});
