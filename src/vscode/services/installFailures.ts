/**
 * Failures of the installation itself, found only when a feature first needs the part: a vendor
 * file (dist/vendor/*.js, required on first use) missing, or a CC-CEDICT record that is damaged
 * (records are decoded per lookup). VS Code swallows errors thrown by providers, so features hand
 * them here: each kind is logged and shown once, as one line naming the file and the repair.
 * Only types come from `vscode`, so the unit test runs it under plain Node.
 */
import type * as vscode from 'vscode';
import { CedictAssetError } from '../../core/lexicon/cedictAsset';

export interface InstallFailure {
  /** One per broken file: a second failure of the same file is not shown again. */
  readonly kind: string;
  readonly message: string;
}

const REPAIR = 'reinstall the Hanzi Gloss extension (or, in a development checkout, run npm run build)';

/** The installation failure `e` stands for, or undefined for any other error. */
export function installFailure(e: unknown, extensionPath: string): InstallFailure | undefined {
  if (e instanceof CedictAssetError) {
    const file = `${extensionPath}/dist/cedict.bin`;
    return { kind: file, message: `${file}: ${e.message}; ${REPAIR}` };
  }
  const error = e as NodeJS.ErrnoException | undefined;
  const missing = error?.code === 'MODULE_NOT_FOUND' && /Cannot find module '([^']+)'/.exec(error.message);
  if (missing) {
    // The bundle requires vendor files relative to dist/extension.js ("./vendor/pinyin-pro.js").
    const file = `${extensionPath}/dist/${missing[1].replace(/^\.\//, '')}`;
    return { kind: file, message: `${file}: missing from the installation; ${REPAIR}` };
  }
  return undefined;
}

export class InstallFailures {
  private readonly told = new Set<string>();
  /** Every message shown so far, in order (for the extension-host test). */
  readonly shown: string[] = [];

  constructor(
    private readonly extensionPath: string,
    private readonly log: Pick<vscode.LogOutputChannel, 'error'>,
    private readonly show: (message: string) => void,
  ) {}

  /** True if `e` is an installation failure (logged, and shown the first time); false otherwise. */
  report(e: unknown): boolean {
    const failure = installFailure(e, this.extensionPath);
    if (!failure) return false;
    if (this.told.has(failure.kind)) return true;
    this.told.add(failure.kind);
    this.log.error(failure.message);
    this.shown.push(failure.message);
    this.show(failure.message);
    return true;
  }
}
