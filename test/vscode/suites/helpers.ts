import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { HanziGlossApi } from '../../../src/extension';

export const EXTENSION_ID = 'hanzi-gloss.hanzi-gloss';

export async function activateExtension(): Promise<HanziGlossApi> {
  const ext = vscode.extensions.getExtension<HanziGlossApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is installed`);
  return ext.activate();
}

export function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test workspace is open');
  return vscode.Uri.joinPath(folder.uri, name);
}

export async function openFixture(name: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceFile(name));
  return vscode.window.showTextDocument(document);
}

/** The position of the `nth` occurrence of `needle` in the document. */
export function positionOf(document: vscode.TextDocument, needle: string, nth = 0): vscode.Position {
  const text = document.getText();
  let at = -1;
  for (let k = 0; k <= nth; k++) {
    at = text.indexOf(needle, at + 1);
    assert.ok(at >= 0, `"${needle}" occurs ${nth + 1} time(s) in ${document.uri.path}`);
  }
  return document.positionAt(at);
}

/** Text of every hover VS Code's providers give at a position (ours and any others). */
export async function hoverTexts(document: vscode.TextDocument, position: vscode.Position): Promise<string[]> {
  const hovers =
    (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position)) ?? [];
  return hovers.map((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)).join('\n'));
}

/** The Hanzi Gloss hover at a position (identified by its source line), or undefined. */
export async function glossHover(
  document: vscode.TextDocument,
  position: vscode.Position,
): Promise<string | undefined> {
  return (await hoverTexts(document, position)).find((t) => t.includes('Hanzi Gloss'));
}

/** Markdown escapes removed, to compare with what a user reads. */
export function plain(markdown: string): string {
  return markdown.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

/** Resolves at the next `event` that `accept` takes, failing after `ms`: tests wait on events, not sleeps. */
export function nextEvent<T>(
  event: vscode.Event<T>,
  accept: (value: T) => boolean = () => true,
  ms = 10_000,
  what = 'event',
): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`no ${what} within ${ms} ms`));
    }, ms);
    const sub = event((value) => {
      if (!accept(value)) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(value);
    });
  });
}
