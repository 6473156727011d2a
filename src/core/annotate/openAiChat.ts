/**
 * The OpenAI-compatible chat-completions protocol (OpenAI, Azure's compatible route, Ollama, vLLM,
 * llama.cpp's server, LM Studio, LiteLLM…) as pure functions: the address, headers and JSON body of
 * a request, the text of a whole response, the text of a streamed one (server-sent events, fed in
 * chunks as they arrive), and the endpoint's error bodies turned into a ModelRequestError with a
 * reason. No network here: the adapter sends and receives. The key is only ever put in the
 * Authorization header, and scrubbed from every message an endpoint echoes it in.
 */
import type { ChatMessage } from './modelPrompt';
import { ModelRequestError, type ModelFailure } from './modelDraft';

/** What can be wrong with the endpoint setting. */
export type EndpointProblem = 'not-url' | 'not-http' | 'credentials';

/**
 * The chat-completions address for the endpoint the user set: a base ("http://localhost:11434/v1",
 * "https://api.openai.com/v1/") gets "/chat/completions"; a full address is kept. A key or password
 * in the address is refused: the key belongs in the editor's secret storage, not in settings.
 */
export function chatCompletionsUrl(endpoint: string): { readonly url: string } | { readonly problem: EndpointProblem } {
  let url: URL;
  try {
    url = new URL(endpoint.trim());
  } catch {
    return { problem: 'not-url' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { problem: 'not-http' };
  if (url.username || url.password) return { problem: 'credentials' };
  const path = url.pathname.replace(/\/+$/, '');
  if (!/\/chat\/completions$/.test(path)) url.pathname = `${path}/chat/completions`;
  return { url: url.toString() };
}

export interface ChatRequestOptions {
  readonly model: string;
  readonly stream: boolean;
  /** Low by default: a translation held to a glossary wants the likeliest wording, not variety. */
  readonly temperature?: number;
  readonly maxTokens?: number;
}

export const DEFAULT_TEMPERATURE = 0.2;

/** The JSON body of a chat-completions request. */
export function chatRequestBody(messages: readonly ChatMessage[], options: ChatRequestOptions): string {
  const body: Record<string, unknown> = {
    model: options.model,
    messages: messages.map(({ role, content }) => ({ role, content })),
    stream: options.stream,
    temperature: options.temperature ?? DEFAULT_TEMPERATURE,
  };
  if (options.maxTokens !== undefined) body.max_tokens = options.maxTokens;
  return JSON.stringify(body);
}

/** The request headers; `key` (from secret storage) only when the endpoint needs one. */
export function chatRequestHeaders(stream: boolean, key?: string): Record<string, string> {
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    Accept: stream ? 'text/event-stream' : 'application/json',
  };
  if (key) headers.Authorization = `Bearer ${key}`;
  return headers;
}

/** What the protocol's errors tell a user (localised by the extension, English by default). */
export interface OpenAiLabels {
  /** `detail`: the endpoint's own message, shortened; '' when it gave none. */
  readonly httpError: (status: number, detail: string) => string;
  /** `start`: the body's first characters. */
  readonly notJson: (start: string) => string;
  readonly noChoices: () => string;
  readonly streamError: (detail: string) => string;
  readonly filtered: () => string;
}

export const ENGLISH_OPENAI_LABELS: OpenAiLabels = {
  httpError: (status, detail) => `the endpoint answered HTTP ${status}${detail ? `: ${detail}` : ''}`,
  notJson: (start) => `the endpoint's answer is not JSON (it starts "${start}")`,
  noChoices: () => 'the endpoint answered without a message (no "choices")',
  streamError: (detail) => `the endpoint reported an error while answering: ${detail}`,
  filtered: () => "the provider's content filter stopped the answer",
};

export interface ReadOptions {
  /** The key sent, scrubbed from any message that quotes it. */
  readonly secret?: string;
  readonly labels?: OpenAiLabels;
}

/** Key-like tokens an endpoint may echo ("Incorrect API key provided: sk-ab***yz"). */
const KEY_LIKE = /\b(sk-|sess-|key-|Bearer\s+)[\w*-]{4,}(?:\.[\w*-]+)*/g;

/** `text` on one line, at most 200 characters, with the key and key-like tokens removed. */
function scrubbed(text: string, secret: string | undefined): string {
  let t = text;
  if (secret) t = t.split(secret).join('…');
  t = t.replace(KEY_LIKE, '$1…').replace(/\s+/g, ' ').trim();
  return t.length > 200 ? `${t.slice(0, 199)}…` : t;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The message and code of an error object, in the shapes servers send (OpenAI, Ollama, vLLM). */
function errorOf(body: unknown): { message: string; code: string } | undefined {
  if (!isObject(body)) return undefined;
  const inner = body.error;
  if (typeof inner === 'string') return { message: inner, code: '' };
  if (isObject(inner)) return { message: String(inner.message ?? ''), code: String(inner.code ?? inner.type ?? '') };
  if (body.object === 'error' && typeof body.message === 'string') {
    return { message: body.message, code: String(body.code ?? body.type ?? '') };
  }
  return undefined;
}

function failureOfStatus(status: number, code: string): ModelFailure {
  if (/model_not_found|model.not.found/i.test(code)) return 'no-model';
  if (status === 401 || status === 403) return 'unauthorized';
  if (status === 404) return 'no-model';
  if (status === 402 || status === 429 || /quota|rate_limit/i.test(code)) return 'blocked';
  return 'failed';
}

/** The error for a response with a status other than 2xx, from whatever its body says. */
export function httpError(status: number, body: string, options: ReadOptions = {}): ModelRequestError {
  const labels = options.labels ?? ENGLISH_OPENAI_LABELS;
  const parsed = errorOf(parseJson(body));
  // An HTML page from a proxy says little beyond its text.
  const detail = parsed?.message ?? body.replace(/<[^>]*>/g, ' ');
  return new ModelRequestError(
    failureOfStatus(status, parsed?.code ?? ''),
    labels.httpError(status, scrubbed(detail, options.secret)),
  );
}

/** The text of a message's content: a string, or the text parts of an array of parts. */
function contentText(content: unknown): string | undefined {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return undefined;
  const parts = content.flatMap((p) => (isObject(p) && typeof p.text === 'string' ? [p.text] : []));
  return parts.length > 0 ? parts.join('') : undefined;
}

/**
 * The answer's text from a whole (not streamed) response; throws a ModelRequestError for an error
 * status, a body that is not the protocol's, or an answer the provider's filter stopped.
 */
export function chatResponseText(status: number, body: string, options: ReadOptions = {}): string {
  if (status < 200 || status > 299) throw httpError(status, body, options);
  const labels = options.labels ?? ENGLISH_OPENAI_LABELS;
  const json = parseJson(body);
  if (json === undefined)
    throw new ModelRequestError('failed', labels.notJson(scrubbed(body.slice(0, 40), options.secret)));
  const error = errorOf(json);
  if (error) throw new ModelRequestError('failed', labels.streamError(scrubbed(error.message, options.secret)));
  const choice = isObject(json) && Array.isArray(json.choices) ? json.choices[0] : undefined;
  if (!isObject(choice) || !isObject(choice.message)) throw new ModelRequestError('failed', labels.noChoices());
  const text = contentText(choice.message.content);
  if (text) return text;
  // OpenAI puts a refusal beside an empty content; the answer parser tells the user it is one.
  if (typeof choice.message.refusal === 'string') return choice.message.refusal;
  if (choice.finish_reason === 'content_filter') throw new ModelRequestError('blocked', labels.filtered());
  return '';
}

/** A streamed answer read so far: feed chunks with readStreamChunk, then call finishStream. */
export interface ChatStream {
  /** The text of the answer so far. */
  readonly text: string;
  /** The end of the last chunk that is not a whole line yet. */
  readonly partialLine: string;
  /** The data lines of the event being read. */
  readonly data: readonly string[];
  /** "data: [DONE]" came. */
  readonly done: boolean;
  readonly finishReason?: string;
}

export const EMPTY_STREAM: ChatStream = { text: '', partialLine: '', data: [], done: false };

/** One event's data: more text, the end, or an error (thrown). */
function readEvent(state: ChatStream, data: string, options: ReadOptions): ChatStream {
  if (data.trim() === '[DONE]') return { ...state, done: true };
  const labels = options.labels ?? ENGLISH_OPENAI_LABELS;
  const json = parseJson(data);
  if (json === undefined)
    throw new ModelRequestError('failed', labels.notJson(scrubbed(data.slice(0, 40), options.secret)));
  const error = errorOf(json);
  if (error) throw new ModelRequestError('failed', labels.streamError(scrubbed(error.message, options.secret)));
  const choice = isObject(json) && Array.isArray(json.choices) ? json.choices[0] : undefined;
  if (!isObject(choice)) return state;
  const delta = isObject(choice.delta) ? contentText(choice.delta.content) : undefined;
  const finishReason = typeof choice.finish_reason === 'string' ? choice.finish_reason : state.finishReason;
  const next = { ...state, text: state.text + (delta ?? '') };
  return finishReason ? { ...next, finishReason } : next;
}

/**
 * The stream after one more chunk of the response body (any split: mid-line, mid-event, CRLF or
 * LF). Events end at a blank line; comments (": keep-alive") and other fields are skipped. Throws a
 * ModelRequestError when an event carries an error.
 */
export function readStreamChunk(state: ChatStream, chunk: string, options: ReadOptions = {}): ChatStream {
  if (state.done) return state;
  let text = state.partialLine + chunk;
  // A chunk may end between the \r and the \n of one line end: the \r waits for the next chunk.
  const held = text.endsWith('\r') ? '\r' : '';
  if (held) text = text.slice(0, -1);
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let s: ChatStream = { ...state, partialLine: lines.pop() + held };
  for (const line of lines) {
    if (line === '') {
      if (s.data.length > 0) s = { ...readEvent(s, s.data.join('\n'), options), data: [] };
      if (s.done) return { ...s, partialLine: '' };
    } else if (line.startsWith('data:')) {
      s = { ...s, data: [...s.data, line.slice(5).replace(/^ /, '')] };
    }
  }
  return s;
}

/** The whole streamed answer, once the body has ended (an event without its blank line is read). */
export function finishStream(state: ChatStream, options: ReadOptions = {}): string {
  let s = state;
  if (!s.done && s.partialLine !== '') s = readStreamChunk(s, '\n', options);
  if (!s.done && s.data.length > 0) s = readEvent(s, s.data.join('\n'), options);
  if (s.text === '' && s.finishReason === 'content_filter') {
    throw new ModelRequestError('blocked', (options.labels ?? ENGLISH_OPENAI_LABELS).filtered());
  }
  return s.text;
}
