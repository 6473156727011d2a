/**
 * Privacy and trust before anything is sent to a model: the feature can be off (a setting); the
 * first use of each model names it and says exactly what will be sent (a modal, the choice
 * remembered in globalState); in an untrusted workspace every command asks again. And the "why it
 * is the rule-based draft" message, told once per reason in a session.
 */
import * as vscode from 'vscode';
import type { FallbackReason } from '../../core/annotate/modelDraft';
import { CONTEXT_LINES } from '../../core/annotate/modelPrompt';
import { readConfig } from './config';
import type { ModelSource } from './modelSources';
import { OnceEach } from './onceEach';

/** The user's answer: go ahead, or why not (the draft falls back with that reason). */
export type Consent = { readonly ok: true } | { readonly ok: false; readonly message: string };

/** What one command will send, for the notice: how many passages and glossary terms. */
export interface Sending {
  readonly passages: number;
  readonly terms: number;
}

const CONSENT_PREFIX = 'hanziGloss.modelConsent:';

export class ModelConsent {
  private readonly told = new OnceEach();

  constructor(private readonly state: vscode.Memento) {}

  /** What is sent, in the words of the first-use notice (also the README's list). */
  static described(sending: Sending): string {
    const sent = vscode.l10n.t(
      '{0} Chinese passage(s), up to {1} lines before and after each, the {2} glossary term(s) found in them',
      sending.passages,
      CONTEXT_LINES,
      sending.terms,
    );
    const rest = vscode.l10n.t(
      '(approved and forbidden renderings, notes), their numbers as Hanzi Gloss reads them, and your style settings.',
    );
    const only = vscode.l10n.t('Nothing else: not the file name, not the rest of the file, not your glossaries.');
    return `${sent} ${rest} ${only}`;
  }

  /** Whether `source` may be sent what `sending` describes now; asks when it must. */
  async allow(source: ModelSource, sending: Sending): Promise<Consent> {
    if (!readConfig().model.enabled) {
      return { ok: false, message: vscode.l10n.t('language-model drafts are turned off (hanziGloss.model.enabled)') };
    }
    const what = ModelConsent.described(sending);
    const send = vscode.l10n.t('Send');
    if (!vscode.workspace.isTrusted) {
      const answer = await vscode.window.showWarningMessage(
        vscode.l10n.t('This workspace is not trusted. Send text from it to {0}?', source.label),
        { modal: true, detail: what },
        send,
      );
      return answer === send ? { ok: true } : { ok: false, message: vscode.l10n.t('sending was not allowed') };
    }
    const key = CONSENT_PREFIX + source.consentKey;
    if (this.state.get<boolean>(key) === true) return { ok: true };
    const allow = vscode.l10n.t('Allow and Send');
    const answer = await vscode.window.showInformationMessage(
      vscode.l10n.t('Hanzi Gloss will send text to {0} for English drafts.', source.label),
      {
        modal: true,
        detail: vscode.l10n.t(
          'Sent with each draft: {0} You are asked once for this model; turn drafts off with hanziGloss.model.enabled.',
          what,
        ),
      },
      allow,
    );
    if (answer !== allow) return { ok: false, message: vscode.l10n.t('sending was not allowed') };
    await this.remember(source.consentKey);
    return { ok: true };
  }

  /** Remembers that the user allowed sending to this model (also how tests skip the modal). */
  remember(consentKey: string): Thenable<void> {
    return this.state.update(CONSENT_PREFIX + consentKey, true);
  }

  /** Tells the user why a draft is the rule-based one: once per reason in this session. */
  tellFallback(reason: FallbackReason | 'disabled', message: string): void {
    if (!this.told.first(reason)) return;
    void vscode.window.showWarningMessage(vscode.l10n.t('Hanzi Gloss used the rule-based draft: {0}', message));
  }
}
