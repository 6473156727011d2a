/** How commands that change files say what they did: one information message naming the file. */
import * as vscode from 'vscode';

/** A file as the user knows it: relative to the workspace when inside it, else its full path. */
export function fileLabel(uri: vscode.Uri): string {
  return vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
}

/** Not awaited: the message stays until the user closes it, and the command has finished. */
export function tell(message: string): void {
  void vscode.window.showInformationMessage(message);
}
