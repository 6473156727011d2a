/**
 * `npm run test:electron`: the same extension-host suite as test/vscode/, run in desktop VS Code by
 * @vscode/test-electron on machines that can download VS Code (not part of `npm test`: CI is offline).
 * Runs on the oldest supported VS Code and on stable, as rust-analyzer does.
 */
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  const root = resolve(__dirname, '..', '..');
  const workspace = mkdtempSync(join(tmpdir(), 'hanzi-gloss-electron-'));
  cpSync(join(root, 'test', 'fixtures'), workspace, { recursive: true });
  const versions = process.env.VSCODE_VERSIONS?.split(',') ?? ['1.104.0', 'stable'];
  for (const version of versions) {
    console.log(`test:electron: VS Code ${version}`);
    await runTests({
      version,
      extensionDevelopmentPath: root,
      extensionTestsPath: join(root, 'dist-test', 'vscode', 'index'),
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome'],
    });
  }
}

main().catch((e: unknown) => {
  console.error(`test:electron: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
