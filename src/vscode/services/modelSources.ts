/**
 * Where a draft is sent: a VS Code language model (vscode.lm, the one the user picked once and the
 * setting remembers) or the OpenAI-compatible endpoint of the settings (its key in SecretStorage).
 * Either becomes a `complete` callback for the core's check-and-retry loop (modelDraft.ts), with a
 * label naming the model for the first-use notice.
 */
import * as vscode from 'vscode';
import { ModelRequestError, type CompleteChat, type ModelFailure } from '../../core/annotate/modelDraft';
import { withoutSystemRole } from '../../core/annotate/modelPrompt';
import { chatCompletionsUrl } from '../../core/annotate/openAiChat';
import { readConfig } from './config';
import { SECTION, Settings } from './ids';
import { modelLabels } from './modelLabels';
import { endpointComplete } from './openAiSource';

const LABELS = modelLabels(vscode.l10n);
/** The SecretStorage key of the endpoint's API key. */
export const ENDPOINT_KEY_SECRET = 'hanziGloss.endpointKey';

export interface ModelSource {
  /** The model as the user is told: "GPT-4o (copilot)", "qwen2.5 at localhost:11434". */
  readonly label: string;
  /** What a consent is remembered for: the source and the model. */
  readonly consentKey: string;
  readonly complete: CompleteChat;
}

export type ResolvedSource =
  | { readonly ok: true; readonly source: ModelSource }
  | { readonly ok: false; readonly failure: ModelFailure; readonly message: string };

const modelId = (m: vscode.LanguageModelChat) => `${m.vendor}/${m.id}`;

/** vscode.LanguageModelError's codes as the core's reasons. */
function failureOf(error: unknown): ModelRequestError {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof vscode.LanguageModelError) {
    const byCode: Record<string, ModelFailure> = {
      NoPermissions: 'no-consent',
      Blocked: 'blocked',
      NotFound: 'no-model',
    };
    return new ModelRequestError(byCode[error.code] ?? 'failed', message);
  }
  return new ModelRequestError('failed', message);
}

/** A VS Code language model as a streaming `complete` (also the chat participant's request.model). */
export function languageModelComplete(model: vscode.LanguageModelChat): CompleteChat {
  const justification = vscode.l10n.t('Hanzi Gloss asks the model for an English draft of Chinese text.');
  return async (messages, signal, onText) => {
    const cancel = new vscode.CancellationTokenSource();
    const abort = () => cancel.cancel();
    signal.addEventListener('abort', abort, { once: true });
    try {
      // VS Code's models take user and assistant messages only.
      const chat = withoutSystemRole(messages).map((m) =>
        m.role === 'assistant'
          ? vscode.LanguageModelChatMessage.Assistant(m.content)
          : vscode.LanguageModelChatMessage.User(m.content),
      );
      const response = await model.sendRequest(chat, { justification }, cancel.token);
      let text = '';
      for await (const part of response.text) {
        text += part;
        onText?.(text);
      }
      return text;
    } catch (error) {
      if (signal.aborted) throw error;
      throw failureOf(error);
    } finally {
      signal.removeEventListener('abort', abort);
      cancel.dispose();
    }
  };
}

function languageModelSource(model: vscode.LanguageModelChat): ModelSource {
  return {
    label: vscode.l10n.t('{0} ({1})', model.name, model.vendor),
    consentKey: `vscode:${modelId(model)}`,
    complete: languageModelComplete(model),
  };
}

/** The first of the models VS Code offers, by the picker's label. */
function modelItems(models: readonly vscode.LanguageModelChat[]) {
  return models.map((model) => ({
    label: model.name,
    description: model.vendor,
    detail: vscode.l10n.t('{0} · up to {1} input tokens', model.family, model.maxInputTokens),
    model,
  }));
}

export class ModelSources {
  constructor(private readonly secrets: vscode.SecretStorage) {}

  /**
   * The source the settings name. A VS Code model not picked yet (or gone) is asked for with a
   * quick pick, unless `pick` is false; the pick is saved in the user's settings.
   */
  async resolve(pick = true): Promise<ResolvedSource> {
    const config = readConfig().model;
    if (config.source === 'openai-compatible') return this.endpoint(config.endpointUrl, config.endpointModel);
    const models = await vscode.lm.selectChatModels();
    const chosen = models.find((m) => modelId(m) === config.vscodeModel);
    if (chosen) return { ok: true, source: languageModelSource(chosen) };
    if (models.length === 0) {
      return { ok: false, failure: 'no-model', message: vscode.l10n.t('no language model is available in VS Code') };
    }
    const picked = pick ? await this.pickLanguageModel(models) : undefined;
    if (!picked) return { ok: false, failure: 'no-model', message: vscode.l10n.t('no language model was chosen') };
    return { ok: true, source: languageModelSource(picked) };
  }

  private async pickLanguageModel(models: readonly vscode.LanguageModelChat[]) {
    const item = await vscode.window.showQuickPick(modelItems(models), {
      title: vscode.l10n.t('Language model for Hanzi Gloss drafts'),
      placeHolder: vscode.l10n.t('Drafts are sent to the model you choose (saved in hanziGloss.model.vscodeModel)'),
    });
    if (!item) return undefined;
    await this.save(Settings.modelVscodeModel, modelId(item.model));
    await this.save(Settings.modelSource, 'vscode');
    return item.model;
  }

  /** "Select Model…": a VS Code model or the OpenAI-compatible endpoint (asking its address and model). */
  async select(): Promise<string | undefined> {
    const models = await vscode.lm.selectChatModels();
    const endpoint = {
      label: vscode.l10n.t('OpenAI-compatible endpoint…'),
      description: readConfig().model.endpointUrl,
      detail: vscode.l10n.t('Your own server or provider (Ollama, vLLM, LM Studio, OpenAI…)'),
      model: undefined,
    };
    const item = await vscode.window.showQuickPick([...modelItems(models), endpoint], {
      title: vscode.l10n.t('Language model for Hanzi Gloss drafts'),
    });
    if (!item) return undefined;
    if (item.model) {
      await this.save(Settings.modelVscodeModel, modelId(item.model));
      await this.save(Settings.modelSource, 'vscode');
      return modelId(item.model);
    }
    const config = readConfig().model;
    const url = await vscode.window.showInputBox({
      title: vscode.l10n.t('OpenAI-compatible endpoint'),
      prompt: vscode.l10n.t('The base address, e.g. http://localhost:11434/v1 (no key here: it is asked separately)'),
      value: config.endpointUrl,
      ignoreFocusOut: true,
      validateInput: (v) => endpointProblem(v),
    });
    if (url === undefined) return undefined;
    const name = await vscode.window.showInputBox({
      title: vscode.l10n.t('Model name at the endpoint'),
      value: config.endpointModel,
      ignoreFocusOut: true,
      validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('Enter the model name the endpoint knows')),
    });
    if (name === undefined) return undefined;
    await this.save(Settings.modelEndpointUrl, url.trim());
    await this.save(Settings.modelEndpointModel, name.trim());
    await this.save(Settings.modelSource, 'openai-compatible');
    return url.trim();
  }

  private async endpoint(setting: string, model: string): Promise<ResolvedSource> {
    const problem = endpointProblem(setting);
    if (problem) return { ok: false, failure: 'no-model', message: problem };
    if (!model) {
      return { ok: false, failure: 'no-model', message: vscode.l10n.t('hanziGloss.model.endpoint.model is not set') };
    }
    const { url } = chatCompletionsUrl(setting) as { url: string };
    const key = await this.secrets.get(ENDPOINT_KEY_SECRET);
    const host = new URL(url).host;
    const complete = endpointComplete({
      url,
      model,
      key: key || undefined,
      labels: LABELS.openAi,
      unreachable: (at, detail) => vscode.l10n.t('{0} cannot be reached ({1})', at, detail),
    });
    return {
      ok: true,
      source: { label: vscode.l10n.t('{0} at {1}', model, host), consentKey: `openai:${url}#${model}`, complete },
    };
  }

  private save(key: string, value: string): Thenable<void> {
    return vscode.workspace.getConfiguration(SECTION).update(key, value, vscode.ConfigurationTarget.Global);
  }
}

/** What is wrong with an endpoint setting, for the user; undefined when it is usable. */
function endpointProblem(setting: string): string | undefined {
  if (!setting.trim()) return vscode.l10n.t('hanziGloss.model.endpoint.url is not set');
  const checked = chatCompletionsUrl(setting);
  if ('url' in checked) return undefined;
  return {
    'not-url': vscode.l10n.t('"{0}" is not an address', setting.trim()),
    'not-http': vscode.l10n.t('the endpoint must be an http: or https: address'),
    credentials: vscode.l10n.t('the address holds a user name or key: set the key with "Set Endpoint Key" instead'),
  }[checked.problem];
}
