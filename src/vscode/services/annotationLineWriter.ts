/**
 * Writes a draft into the annotation line below a Chinese line while it streams: the first write
 * inserts the line (or takes over the existing annotation's text), later ones replace its text, the
 * newest text winning when writes pile up. `restore` puts the line back as it was before the first
 * write, so a cancelled draft leaves the document as it was.
 */
import * as vscode from 'vscode';

export class AnnotationLineWriter {
  private written = false;
  private pending: string | undefined;
  private running: Promise<void> = Promise.resolve();
  /** The Chinese line moved or changed under the writer: it stops writing. */
  private lost = false;

  constructor(
    private readonly document: vscode.TextDocument,
    private readonly line: number,
    private readonly chinese: string,
    private readonly prefix: string,
    /** The annotation's text and where it starts, when the line has one. */
    private readonly existing?: { readonly text: string; readonly column: number },
  ) {}

  /** Whether the Chinese line is still where it was (the user may edit while the model writes). */
  private inPlace(): boolean {
    if (this.document.isClosed || this.line >= this.document.lineCount) return false;
    return this.document.lineAt(this.line).text === this.chinese;
  }

  private range(): vscode.Range {
    const below = this.document.lineAt(this.line + 1);
    const column = this.existing ? this.existing.column : this.prefix.length;
    return new vscode.Range(this.line + 1, column, this.line + 1, below.text.length);
  }

  private async apply(text: string): Promise<void> {
    if (this.lost || !this.inPlace()) {
      this.lost = true;
      return;
    }
    const edit = new vscode.WorkspaceEdit();
    if (!this.written && !this.existing) {
      edit.insert(this.document.uri, this.document.lineAt(this.line).range.end, `\n${this.prefix}${text}`);
    } else {
      edit.replace(this.document.uri, this.range(), text);
    }
    this.written = (await vscode.workspace.applyEdit(edit)) || this.written;
  }

  /** Shows `text` (one line) as the annotation; resolves when it, or a newer text, is in the document. */
  write(text: string): Promise<void> {
    const queued = this.pending === undefined;
    this.pending = text.replace(/\s*\n\s*/g, ' ');
    if (queued) {
      this.running = this.running.then(async () => {
        const next = this.pending!;
        this.pending = undefined;
        await this.apply(next);
      });
    }
    return this.running;
  }

  /** False when the Chinese line changed before the draft was written, and the draft went nowhere. */
  get placed(): boolean {
    return this.written && !this.lost;
  }

  /** The line as it was before the first write (removed, or its old annotation back). */
  async restore(): Promise<void> {
    this.pending = undefined;
    await this.running;
    if (!this.written || !this.inPlace()) return;
    const edit = new vscode.WorkspaceEdit();
    if (this.existing) edit.replace(this.document.uri, this.range(), this.existing.text);
    else
      edit.delete(
        this.document.uri,
        new vscode.Range(this.document.lineAt(this.line).range.end, this.document.lineAt(this.line + 1).range.end),
      );
    await vscode.workspace.applyEdit(edit);
    this.written = false;
  }
}
