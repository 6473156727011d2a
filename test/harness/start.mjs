// `npm start`: opens Hanzi Gloss in a real VS Code (code-server) and prints the local URL. The
// extension is installed from this folder, so `npm run build` output is what runs.
//   npm start                      the die-casting sample workspace, kept between runs
//   npm start -- --reset           (or RESET=1) the sample workspace and VS Code's user data afresh
//   npm start -- /path/to/folder   your own folder instead of the sample
import { join, resolve } from 'node:path';
import { demoFolders, freePort, installDevExtension, startCodeServer, workbenchUrl } from './codeServer.mjs';

const args = process.argv.slice(2);
const unknown = args.filter((a) => a.startsWith('-') && a !== '--reset');
if (unknown.length > 0 || args.filter((a) => !a.startsWith('-')).length > 1) {
  console.error(`start: usage: npm start [-- --reset] [-- <folder>] (not understood: ${args.join(' ')})`);
  process.exit(2);
}
const reset = args.includes('--reset') || /^(1|true|yes)$/i.test(process.env.RESET ?? '');
const given = args.find((a) => !a.startsWith('-'));
// npm runs scripts in the package folder; a relative path means one from where `npm start` was typed.
const folder = given && resolve(process.env.INIT_CWD ?? process.cwd(), given);

// A person gets a stable address; CI takes any free port so a busy 8080 cannot fail the run.
const port = process.env.PORT ? Number(process.env.PORT) : process.env.CI ? await freePort() : 8080;
let demo;
try {
  demo = demoFolders({ reset, folder });
} catch (e) {
  console.error(`start: ${e.message}`);
  process.exit(2);
}
const { dir, workspace, sample } = demo;
const extensionsDir = join(dir, 'extensions');
installDevExtension(extensionsDir);
const server = await startCodeServer({ dir, workspace, extensionsDir, port });
const open = sample ? [['openFile', `vscode-remote://${server.host}${sample}`]] : undefined;
const url = workbenchUrl(server.base, workspace, open);
const kept = folder
  ? ''
  : `\nIt is kept between runs (your entries, notes and user glossary stay); \`npm start -- --reset\` starts afresh.`;
console.log(
  `\nHanzi Gloss is running in VS Code (code-server) at:\n\n  ${url}\n\n` +
    `Open it in a browser and hover the Chinese text.\nWorkspace: ${workspace}${kept}\n` +
    `Server log: ${server.logFile}\nPress Ctrl+C to stop.`,
);
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
