// `npm start`: opens Hanzi Gloss in a real VS Code (code-server) on the die-casting sample and prints
// the local URL. The extension is installed from this folder, so `npm run build` output is what runs.
import { join } from 'node:path';
import { freePort, installDevExtension, prepareWorkspace, runDir, startCodeServer, workbenchUrl } from './codeServer.mjs';

// A person gets a stable address; CI takes any free port so a busy 8080 cannot fail the run.
const port = process.env.PORT ? Number(process.env.PORT) : process.env.CI ? await freePort() : 8080;
const dir = runDir('start');
const workspace = prepareWorkspace(dir);
const extensionsDir = join(dir, 'extensions');
installDevExtension(extensionsDir);
const server = await startCodeServer({ dir, workspace, extensionsDir, port });
const sample = join(workspace, 'diecasting-orders.txt');
const url = workbenchUrl(server.base, workspace, [['openFile', `vscode-remote://${server.host}${sample}`]]);
console.log(`\nHanzi Gloss is running in VS Code (code-server) at:\n\n  ${url}\n\nOpen it in a browser and hover the Chinese text. Workspace: ${workspace}\nServer log: ${server.logFile}\nPress Ctrl+C to stop.`);
if (process.env.CI) {
  // In CI there is nobody to open the URL: prove it answers, then stop.
  const r = await fetch(server.base);
  console.log(`start: workbench answered HTTP ${r.status}`);
  await server.stop();
  process.exit(r.ok ? 0 : 1);
}
const stop = async () => {
  await server.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

