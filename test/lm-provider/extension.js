// A deterministic language model for the real-VS-Code tests, registered through VS Code's real
// provider API (vscode.lm.registerLanguageModelChatProvider), so Hanzi Gloss finds it with
// selectChatModels exactly as it finds Copilot's. Tests script its answers and read what it was sent
// through commands; see README.md. Plain JavaScript: it is loaded from this folder, never built or shipped.
'use strict';
const vscode = require('vscode');

const MODEL = {
  id: 'hgtest-model',
  name: 'HG Test Model',
  family: 'hgtest',
  version: '1',
  maxInputTokens: 100000,
  maxOutputTokens: 10000,
  // The Chat view lists only user-selectable models and defaults to agent mode (tool calling).
  isUserSelectable: true,
  capabilities: { toolCalling: true },
};

/** Answers still to give, first first; each { chunks: string[], delayMs?, error? }. */
let script = [];
/** Every request received: { model, messages: [{ role, text }], cancelled }. */
let requests = [];

const roleName = (role) => (role === vscode.LanguageModelChatMessageRole.Assistant ? 'assistant' : 'user');
const textOf = (message) =>
  message.content
    .map((part) => (part instanceof vscode.LanguageModelTextPart ? part.value : ''))
    .join('');
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const provider = {
  provideLanguageModelChatInformation: () => [MODEL],
  async provideLanguageModelChatResponse(model, messages, _options, progress, token) {
    const sent = messages.map((m) => ({ role: roleName(m.role), text: textOf(m) }));
    const request = { model: model.id, messages: sent, cancelled: false };
    requests.push(request);
    const answer = script.shift();
    if (!answer) throw new Error('hgtest: no scripted answer left for this request');
    for (const chunk of answer.chunks ?? []) {
      if (token.isCancellationRequested) break;
      progress.report(new vscode.LanguageModelTextPart(chunk));
      if (answer.delayMs) await sleep(answer.delayMs);
    }
    request.cancelled = token.isCancellationRequested;
    if (answer.error) throw new Error(answer.error);
  },
  provideTokenCount: (_model, text) =>
    Math.ceil((typeof text === 'string' ? text : textOf(text)).length / 4),
};

function activate(context) {
  // A UI test cannot pass arguments to a command: it scripts the answers in the user settings.
  script = (vscode.workspace.getConfiguration('hgtest').get('answers') ?? []).slice();
  context.subscriptions.push(
    vscode.lm.registerLanguageModelChatProvider('hgtest', provider),
    vscode.commands.registerCommand('hgtest.script', (answers) => {
      if (!Array.isArray(answers)) throw new Error('hgtest.script takes an array of answers');
      script = answers.slice();
    }),
    vscode.commands.registerCommand('hgtest.requests', () => JSON.parse(JSON.stringify(requests))),
    vscode.commands.registerCommand('hgtest.reset', () => {
      script = [];
      requests = [];
    }),
  );
}

module.exports = { activate, deactivate() {} };
