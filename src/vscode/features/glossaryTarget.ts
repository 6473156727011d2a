/**
 * Which glossary file an added, edited or imported entry goes to: the workspace glossary files
 * configured as JSON, then the user's glossary. The one place that lists them, resolves a command
 * argument to one and asks the user; entries.ts and exchange.ts both use it. The parts of VS Code
 * it needs are handed in (only types come from `vscode`), so the unit test runs it under plain Node.
 */
import type * as vscode from 'vscode';
import type { EditableLayer } from '../services/glossaryFileStates';

export interface GlossaryTarget {
  readonly uri: vscode.Uri;
  readonly layer: EditableLayer;
  readonly label: string;
}

/** Where the configured glossary files are (GlossaryService). */
export interface TargetFiles {
  userGlossaryUri(): vscode.Uri;
  workspaceGlossaryUris(): vscode.Uri[];
}

/** The slice of the VS Code API that targets need. */
export interface TargetHost {
  readonly l10n: Pick<typeof vscode.l10n, 't'>;
  readonly window: Pick<typeof vscode.window, 'showQuickPick'>;
  readonly workspace: Pick<typeof vscode.workspace, 'asRelativePath' | 'workspaceFolders'>;
}

export class GlossaryTargets {
  constructor(
    private readonly files: TargetFiles,
    private readonly host: TargetHost,
  ) {}

  /** The writable files, workspace first: only JSON glossaries are edited in place. */
  all(): GlossaryTarget[] {
    const { l10n, workspace } = this.host;
    const user = this.files.userGlossaryUri();
    const inWorkspace = this.files.workspaceGlossaryUris().filter((u) => /\.jsonc?$/i.test(u.path));
    return [
      ...inWorkspace.map((uri) => ({
        uri,
        layer: 'workspace' as const,
        label: l10n.t(
          'Workspace glossary: {0}',
          workspace.asRelativePath(uri, (workspace.workspaceFolders?.length ?? 0) > 1),
        ),
      })),
      {
        uri: user,
        layer: 'user' as const,
        label: l10n.t('User glossary: {0}', user.scheme === 'file' ? user.fsPath : user.toString()),
      },
    ];
  }

  /** A command's `target` argument: "workspace" (the first such file), "user", or a file's URI or path. */
  resolve(spec: string | undefined): GlossaryTarget | undefined {
    if (!spec) return undefined;
    const all = this.all();
    if (spec === 'workspace' || spec === 'user') return all.find((t) => t.layer === spec);
    return all.find((t) => t.uri.toString() === spec || t.uri.fsPath === spec);
  }

  /** Asks the user which file; undefined when they cancel. */
  async pick(placeHolder: string, title?: string): Promise<GlossaryTarget | undefined> {
    const picked = await this.host.window.showQuickPick(
      this.all().map((t) => ({ label: t.label, target: t })),
      { placeHolder, ignoreFocusOut: true, ...(title === undefined ? {} : { title }) },
    );
    return picked?.target;
  }
}
