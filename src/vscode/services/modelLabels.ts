/**
 * The language-model core's messages (answer faults, the OpenAI-compatible protocol's errors) in the
 * user's language. `l10n` is passed in, as for coreLabels.ts, so a unit test can compare every
 * template with the core's English default and the zh-cn bundle.
 */
import type { AnswerLabels } from '../../core/annotate/modelAnswer';
import type { OpenAiLabels } from '../../core/annotate/openAiChat';
import type { L10n } from './coreLabels';

export interface ModelLabels {
  readonly answer: AnswerLabels;
  readonly openAi: OpenAiLabels;
}

export const modelLabels = (l10n: L10n): ModelLabels => ({
  answer: {
    empty: () => l10n.t('the model gave an empty answer'),
    refusal: (said) => l10n.t('the model declined to translate: "{0}"', said),
    noEnglish: () => l10n.t('the model answered without an English translation'),
  },
  openAi: {
    httpError: (status, detail) =>
      detail
        ? l10n.t('the endpoint answered HTTP {0}: {1}', status, detail)
        : l10n.t('the endpoint answered HTTP {0}', status),
    notJson: (start) => l10n.t('the endpoint\'s answer is not JSON (it starts "{0}")', start),
    noChoices: () => l10n.t('the endpoint answered without a message (no "choices")'),
    streamError: (detail) => l10n.t('the endpoint reported an error while answering: {0}', detail),
    filtered: () => l10n.t("the provider's content filter stopped the answer"),
  },
});
