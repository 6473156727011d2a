// Suite A: the extension-host mocha suite (test/vscode/) inside a real VS Code (code-server),
// loaded as a development extension through the workbench URL's payload, as VS Code's own browser
// integration tests do. Exit code: the suite's.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import {
  ensureResults,
  installDevExtension,
  launchBrowser,
  prepareWorkspace,
  ROOT,
  runDir,
  startCodeServer,
  workbenchUrl,
} from './codeServer.mjs';

const NOISE =
  /Resolving connection token|Resolved connection token|Creating a socket|Updating additional builtin|ChatSessionStore|open-vsx\.org|service worker|Connection token|\[Extension Host\] Debugger|ENOTFOUND|Ignoring fetching additional builtin extensions|Starting extension host|Extension host agent|onDidChangeExtensions|^\[\w+ \d+:\d+:\d+\]/;
const TIMEOUT_MS = 5 * 60_000;

const started = Date.now();
const dir = runDir('exthost');
const workspace = prepareWorkspace(dir);
// The test model is installed, not a second development path (code-server 4.116 then skips the first).
const extensionsDir = join(dir, 'extensions');
installDevExtension(extensionsDir, { withTestModel: true });
const server = await startCodeServer({ dir, workspace, extensionsDir });
const browser = await launchBrowser();
const lines = [];
let code = 1;
try {
  const page = await browser.newPage();
  const exited = new Promise((resolve) => {
    page.exposeFunction('codeAutomationExit', (c) => resolve(c));
  });
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const line = format(...(Array.isArray(args) ? args : [args]));
    lines.push(`[${type}] ${line}`);
    if (!NOISE.test(line)) process.stdout.write(line.endsWith('\n') ? line : line + '\n');
  });
  const payload = [
    ['extensionDevelopmentPath', `vscode-remote://${server.host}${ROOT}`],
    ['extensionTestsPath', `vscode-remote://${server.host}${join(ROOT, 'dist-test', 'vscode', 'index')}`],
    ['skipWelcome', 'true'],
  ];
  await page.goto(workbenchUrl(server.base, workspace, payload));
  const timeout = new Promise((resolve) => setTimeout(() => resolve('timeout'), TIMEOUT_MS).unref());
  const result = await Promise.race([exited, timeout]);
  if (result === 'timeout') {
    console.error(`exthost: the suite did not finish within ${TIMEOUT_MS / 1000} s`);
    await page.screenshot({ path: join(ensureResults(), 'exthost-timeout.png') });
  } else code = Number(result);
} finally {
  writeFileSync(join(ensureResults(), 'exthost.log'), lines.join('\n'));
  await browser.close();
  await server.stop();
}
console.log(
  `exthost: suite finished with exit code ${code} in ${((Date.now() - started) / 1000).toFixed(1)} s (full log: test-results/exthost.log)`,
);
process.exit(code);
