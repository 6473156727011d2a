/**
 * When a side-bar view rebuilds: a short while after the last change, and only while it is
 * visible; a change while it is hidden marks it outdated, and it rebuilds as soon as it is shown.
 * The Terms and Annotations views share this, each with its own refresh and delay.
 */
import * as vscode from 'vscode';

export class RefreshWhileVisible implements vscode.Disposable {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private outdated = true;
  private view: vscode.TreeView<unknown> | undefined;

  constructor(
    private readonly refresh: () => unknown,
    private readonly delayMs: number,
  ) {}

  /** Follows `view`'s visibility: shown while outdated, it refreshes at once. */
  attach(view: vscode.TreeView<unknown>): vscode.Disposable {
    this.view = view;
    return view.onDidChangeVisibility((e) => {
      if (e.visible && this.outdated) this.schedule(0);
    });
  }

  /** Something the view shows changed: refresh after `delay` ms if visible, else when shown. */
  schedule(delay = this.delayMs): void {
    this.outdated = true;
    clearTimeout(this.timer);
    if (!this.view?.visible) return;
    this.timer = setTimeout(() => void this.refresh(), delay);
  }

  /** The refresh starts now (called by it): nothing is pending any more. */
  started(): void {
    clearTimeout(this.timer);
    this.outdated = false;
  }

  dispose(): void {
    clearTimeout(this.timer);
  }
}
