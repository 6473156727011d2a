/**
 * The chat participant @hanzi: /translate drafts the Chinese lines of the selection (or the active
 * file) with the chat's own model, held to the glossary and checked as in the editor; /terms lists
 * the glossary terms found there; /check runs the QA on the annotation lines there. Chinese typed
 * after the command (`@hanzi /translate 承载式车身，2台6000吨`) is what the user asks about, and
 * then only it is read and sent, not the editor's file. Glossary files are given as references and
 * every line of a file as an anchor, so the answer leads back to the text.
 */
import * as vscode from 'vscode';
import { annotatedLines, DEFAULT_MARKERS } from '../../core/annotate/annotations';
import { draftWithModel } from '../../core/annotate/modelDraft';
import { promptTerms, type PromptTerm } from '../../core/annotate/modelPrompt';
import { contextOf, retrySeverity } from '../../core/annotate/modelTargets';
import { checkAnnotation, DEFAULT_SEVERITY } from '../../core/annotate/qa';
import { renderingText } from '../../core/glossary/rendering';
import type { Lexicon } from '../../core/lexicon/lexicon';
import { containsHan } from '../../core/text/detect';
import { markerFor, readConfig } from '../services/config';
import type { GlossaryService } from '../services/glossaryService';
import { CHAT_PARTICIPANT } from '../services/ids';
import type { ModelConsent } from '../services/modelConsent';
import { modelLabels } from '../services/modelLabels';
import { languageModelComplete } from '../services/modelSources';
import { LABELS } from '../services/userLabels';

/** /translate sends at most this many lines in one request to the chat: a file is drafted in parts. */
export const CHAT_LINES = 20;
const MODEL_LABELS = modelLabels(vscode.l10n);

interface Scope {
  /** The file the lines are in; none for Chinese typed in the chat. */
  readonly document: vscode.TextDocument | undefined;
  /** The lines asked about: the selection's, else the whole file's. */
  readonly from: number;
  readonly to: number;
  readonly lines: readonly string[];
}

/** Chinese typed after the command: its lines, as a plain-text file would hold them. */
function typedScope(prompt: string): Scope | undefined {
  if (!containsHan(prompt)) return undefined;
  const lines = prompt.trim().split(/\r?\n/);
  return { document: undefined, from: 0, to: lines.length, lines };
}

function editorScope(): Scope | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const { document, selection } = editor;
  const lines = Array.from({ length: document.lineCount }, (_, i) => document.lineAt(i).text);
  if (selection.isEmpty) return { document, from: 0, to: document.lineCount, lines };
  const to =
    selection.end.character === 0 && selection.end.line > selection.start.line
      ? selection.end.line
      : selection.end.line + 1;
  return { document, from: selection.start.line, to, lines };
}

/** Markdown text that shows as written (glossary text and the model's answer are not markup). */
function plain(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, (c) => `\\${c}`);
}

/** A link to a line of the file; typed text has none. */
function anchorLine(stream: vscode.ChatResponseStream, scope: Scope, line: number): void {
  if (!scope.document) return;
  const location = new vscode.Location(scope.document.uri, scope.document.lineAt(line).range);
  stream.anchor(location, vscode.l10n.t('line {0}', line + 1));
}

/** Typed text is read as a plain-text file is: its annotation lines start with that marker. */
const markerOf = (scope: Scope) => (scope.document ? markerFor(scope.document) : DEFAULT_MARKERS.plaintext);

/** A glossary file as a reference (the curated ones inside the extension too). */
function sourceUri(term: PromptTerm): vscode.Uri | undefined {
  const file = term.entry.source.file;
  if (!file) return undefined;
  return /^[a-z][\w+.-]+:\/\//i.test(file) ? vscode.Uri.parse(file) : vscode.Uri.file(file);
}

function termMarkdown(t: PromptTerm): string {
  const parts = [`**${plain(t.term)}** — ${plain(t.preferred)}`];
  const others = t.entry.en.map(renderingText).filter((r) => r !== t.preferred);
  if (others.length > 0) parts.push(vscode.l10n.t('also: {0}', plain(others.join(', '))));
  if (t.entry.forbidden?.length) {
    parts.push(vscode.l10n.t('forbidden: {0}', plain(t.entry.forbidden.map(renderingText).join(', '))));
  }
  parts.push(`_${plain(t.entry.source.label)}_`);
  return `- ${parts.join(' · ')}\n`;
}

function referenceTerms(terms: readonly PromptTerm[], stream: vscode.ChatResponseStream): void {
  const seen = new Set<string>();
  for (const t of terms) {
    const uri = sourceUri(t);
    if (!uri || seen.has(uri.toString())) continue;
    seen.add(uri.toString());
    stream.reference(uri);
  }
}

function chineseLines(scope: Scope, marker: string) {
  return annotatedLines(scope.lines, marker).filter((l) => l.line >= scope.from && l.line < scope.to);
}

function terms(scope: Scope, lexicon: Lexicon, stream: vscode.ChatResponseStream): vscode.ChatResult {
  const config = readConfig(scope.document).model;
  const lines = chineseLines(scope, markerOf(scope));
  const found = promptTerms(lines.map((l) => l.chinese).join('\n'), lexicon, config.style.companyNames);
  if (found.length === 0) {
    stream.markdown(vscode.l10n.t('No glossary terms in these lines.'));
    return {};
  }
  stream.markdown(vscode.l10n.t('{0} glossary term(s):', found.length) + '\n\n');
  for (const t of found) {
    stream.markdown(termMarkdown(t));
    const at = lines.find((l) => l.chinese.includes(t.term));
    if (at && scope.document) {
      const start = at.chinese.indexOf(t.term);
      stream.anchor(
        new vscode.Location(scope.document.uri, new vscode.Range(at.line, start, at.line, start + t.term.length)),
        t.term,
      );
    }
  }
  referenceTerms(found, stream);
  return {};
}

function check(scope: Scope, lexicon: Lexicon, stream: vscode.ChatResponseStream): vscode.ChatResult {
  const levels = readConfig(scope.document).qaSeverity;
  const annotated = chineseLines(scope, markerOf(scope)).filter((l) => l.annotation);
  if (annotated.length === 0) {
    stream.markdown(vscode.l10n.t('No annotation lines here to check.'));
    return {};
  }
  let problems = 0;
  for (const l of annotated) {
    const found = checkAnnotation(l.chinese.trim(), l.annotation!.text, lexicon, DEFAULT_SEVERITY, LABELS.qa).filter(
      (p) => levels[p.code] !== 'off',
    );
    if (found.length === 0) continue;
    problems += found.length;
    anchorLine(stream, scope, l.annotation!.line);
    stream.markdown('\n' + found.map((p) => `- ${plain(p.message)}`).join('\n') + '\n\n');
  }
  stream.markdown(
    problems === 0
      ? vscode.l10n.t('{0} annotation line(s) checked: no problems.', annotated.length)
      : vscode.l10n.t('{0} annotation line(s) checked: {1} problem(s).', annotated.length, problems),
  );
  return {};
}

async function translate(
  request: vscode.ChatRequest,
  scope: Scope,
  lexicon: Lexicon,
  consent: ModelConsent,
  stream: vscode.ChatResponseStream,
  token: vscode.CancellationToken,
): Promise<vscode.ChatResult> {
  const marker = markerOf(scope);
  const config = readConfig(scope.document);
  const lines = chineseLines(scope, marker).slice(0, CHAT_LINES);
  if (lines.length === 0) {
    stream.markdown(vscode.l10n.t('Select Chinese text (or open a file with some) and ask again.'));
    return {};
  }
  const complete = languageModelComplete(request.model);
  const source = {
    label: request.model.name,
    consentKey: `vscode:${request.model.vendor}/${request.model.id}`,
    complete,
  };
  const found = promptTerms(lines.map((l) => l.chinese).join('\n'), lexicon, config.model.style.companyNames);
  const allowed = await consent.allow(source, { passages: lines.length, terms: found.length });
  if (!allowed.ok) {
    stream.markdown(vscode.l10n.t('Nothing was sent: {0}.', allowed.message));
    return {};
  }
  const abort = new AbortController();
  token.onCancellationRequested(() => abort.abort());
  for (const l of lines) {
    stream.progress(vscode.l10n.t('Drafting line {0}…', l.line + 1));
    const result = await draftWithModel(
      {
        passage: l.chinese.trim(),
        ...contextOf(scope.lines, l.line, marker),
        form: 'inline',
        style: config.model.style,
      },
      {
        lexicon,
        complete,
        signal: abort.signal,
        severity: retrySeverity(config.qaSeverity),
        answerLabels: MODEL_LABELS.answer,
      },
    );
    if (result.kind === 'cancelled') return {};
    anchorLine(stream, scope, l.line);
    stream.markdown(`\n> ${plain(l.chinese.trim())}\n\n`);
    if (result.kind === 'rules') {
      stream.markdown(
        `${plain(result.draft.text)}\n\n_${plain(vscode.l10n.t('Rule-based draft: {0}', result.message))}_\n\n`,
      );
      continue;
    }
    stream.markdown(`${plain(result.english)}\n\n`);
    const left = result.problems.filter((p) => p.severity !== 'information');
    if (left.length > 0) stream.markdown(left.map((p) => `- ⚠ ${plain(p.message)}`).join('\n') + '\n\n');
  }
  const more = chineseLines(scope, marker).length - lines.length;
  if (more > 0) stream.markdown(vscode.l10n.t('{0} more line(s): select them and ask again.', more));
  referenceTerms(found, stream);
  return {};
}

export function registerChatParticipant(glossary: GlossaryService, consent: ModelConsent): vscode.Disposable {
  // Older VS Code builds and some forks have no chat: the rest of the extension works without it.
  if (typeof vscode.chat?.createChatParticipant !== 'function') return new vscode.Disposable(() => undefined);
  const handler: vscode.ChatRequestHandler = async (request, _context, stream, token) => {
    const scope = typedScope(request.prompt) ?? editorScope();
    if (!scope) {
      stream.markdown(vscode.l10n.t('Open a file with Chinese text (and select some) first.'));
      return {};
    }
    const lexicon = await glossary.lexicon();
    if (request.command === 'terms') return terms(scope, lexicon, stream);
    if (request.command === 'check') return check(scope, lexicon, stream);
    return translate(request, scope, lexicon, consent, stream, token);
  };
  const participant = vscode.chat.createChatParticipant(CHAT_PARTICIPANT, handler);
  participant.iconPath = new vscode.ThemeIcon('book');
  return participant;
}
