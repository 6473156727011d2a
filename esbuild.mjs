// Bundles the extension, the CLI and the test entry points. `charset: utf8` keeps Chinese text in
// dependencies (opencc-js, pinyin-pro) as UTF-8 instead of \u escapes, which nearly double them.
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  charset: 'utf8',
  // jsonc-parser's UMD build hides its requires from bundlers; its ESM build bundles cleanly.
  mainFields: ['module', 'main'],
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
};

const testEntries = (dir) =>
  readdirSync(`test/${dir}`)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => `test/${dir}/${f}`);

const builds = [
  { ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js' },
  // Unit tests run under plain Node; the extension-host suite runs inside VS Code with mocha from node_modules.
  { ...common, entryPoints: testEntries('unit'), outdir: 'dist-test/unit', sourcemap: true, minify: false },
  { ...common, entryPoints: testEntries('vscode'), outdir: 'dist-test/vscode', external: ['vscode', 'mocha'], sourcemap: true, minify: false },
  // Minified like the shipped bundles, so the cold-start timings measure what users run.
  { ...common, entryPoints: testEntries('bench'), outdir: 'dist-test/bench', external: ['@node-rs/jieba', 'esbuild'], sourcemap: false, minify: true },
  { ...common, entryPoints: testEntries('electron'), outdir: 'dist-test/electron', external: ['@vscode/test-electron'], sourcemap: true, minify: false },
];

/** dist/cedict.bin is rebuilt when missing or when its builder (which bundles the core encoder) changed. */
async function buildCedictAsset() {
  const tool = 'dist-tools/buildCedictAsset.js';
  const built = await esbuild.build({ ...common, entryPoints: ['src/tools/buildCedictAsset.ts'], outfile: tool, sourcemap: false, minify: false, write: false });
  const code = built.outputFiles[0].contents;
  const unchanged = existsSync(tool) && Buffer.compare(readFileSync(tool), code) === 0;
  if (!unchanged) {
    mkdirSync('dist-tools', { recursive: true });
    writeFileSync(tool, code);
  }
  const asset = 'dist/cedict.bin';
  const stale = !existsSync(asset) || statSync(asset).mtimeMs < statSync(tool).mtimeMs;
  if (stale) execFileSync(process.execPath, [tool, asset], { stdio: ['ignore', process.stderr, process.stderr] });
}

if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
  await buildCedictAsset();
}
