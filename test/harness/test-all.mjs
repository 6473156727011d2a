// `npm test`: every stage in order, stopping at the first failure, with each stage's time and the
// number of tests it ran. Output of each stage streams through unchanged.
import { spawn } from 'node:child_process';

const stages = [
  ['typecheck', 'npm', ['run', '--silent', 'typecheck']],
  ['lint', 'npm', ['run', '--silent', 'lint']],
  ['build', 'npm', ['run', '--silent', 'build']],
  // Before the unit tests: they read exports back with Debian's xmllint and cmark-gfm.
  ['provisioning', 'bash', ['test/harness/provision.sh']],
  [
    'unit',
    'node',
    [
      '--test',
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=tap',
      '--test-reporter-destination=test-results/unit.tap',
      'dist-test/unit/',
    ],
  ],
  ['glossary validation', 'node', ['dist/cli.js', 'validate']],
  ['extension host (A)', 'node', ['test/harness/run-exthost.mjs']],
  ['UI (B)', 'node', ['test/harness/run-ui.mjs']],
];

const COUNTS = [
  [/^ℹ pass (\d+)/m, /^ℹ fail (\d+)/m],
  [/^exthost: (\d+) passed, (\d+) failed/m],
  [/^ui: (\d+) passed, (\d+) failed/m],
];

function runStage(cmd, args) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      process.stdout.write(d);
    });
    child.on('close', (code) => resolve({ code: code ?? 1, out }));
  });
}

function count(out) {
  for (const [a, b] of COUNTS) {
    const m = a.exec(out);
    if (!m) continue;
    if (b) return { passed: Number(m[1]), failed: Number(b.exec(out)?.[1] ?? 0) };
    return { passed: Number(m[1]), failed: Number(m[2]) };
  }
  return undefined;
}

const { mkdirSync } = await import('node:fs');
mkdirSync('test-results', { recursive: true });
const rows = [];
let passed = 0;
let failed = 0;
let exit = 0;
for (const [name, cmd, args] of stages) {
  console.log(`\n=== ${name} ===`);
  const t = Date.now();
  const { code, out } = await runStage(cmd, args);
  const seconds = (Date.now() - t) / 1000;
  const c = count(out);
  if (c) {
    passed += c.passed;
    failed += c.failed;
  }
  rows.push([
    name,
    `${seconds.toFixed(1)} s`,
    c ? `${c.passed} passed, ${c.failed} failed` : code === 0 ? 'ok' : `exit ${code}`,
  ]);
  if (code !== 0) {
    exit = code;
    if (!c) failed++;
    break;
  }
}
console.log('\n=== summary ===');
for (const [name, time, result] of rows) console.log(`${name.padEnd(22)} ${time.padStart(8)}  ${result}`);
console.log(`\nall: ${passed} passed, ${failed} failed`);
process.exit(exit);
