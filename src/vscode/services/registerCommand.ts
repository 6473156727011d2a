/**
 * The one way a feature registers a command: a failure of its handler becomes a message to the
 * user, since VS Code would otherwise only log it. Each feature registers its own commands with it.
 */
import * as vscode from 'vscode';
import type { CommandId } from './ids';

/**
 * Registers `handler` as command `id`. Its argument comes from a hover link, a keybinding or a
 * test, as VS Code passes it (unchecked). An error is shown to the user and still rejects for the
 * caller, prefixed with the command id.
 */
export function registerCommand<A>(id: CommandId, handler: (args?: A) => unknown): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (args?: A) => {
    try {
      return await handler(args);
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      void vscode.window.showErrorMessage(vscode.l10n.t('Hanzi Gloss: {0}', reason));
      throw new Error(`${id}: ${reason}`);
    }
  });
}
