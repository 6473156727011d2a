/**
 * The OpenAI-compatible endpoint as a `complete` callback: the protocol is openAiChat.ts (pure), this
 * only sends with Node's fetch and feeds the streamed body to it. No `vscode` import, so a unit test
 * runs it against a local HTTP server. The key goes in the Authorization header only; every error
 * message is scrubbed of it by the protocol's readers.
 */
import { ModelRequestError, type CompleteChat } from '../../core/annotate/modelDraft';
import {
  chatRequestBody,
  chatRequestHeaders,
  chatResponseText,
  EMPTY_STREAM,
  finishStream,
  httpError,
  readStreamChunk,
  type OpenAiLabels,
} from '../../core/annotate/openAiChat';

export interface EndpointOptions {
  /** The chat-completions address (chatCompletionsUrl of the user's setting). */
  readonly url: string;
  readonly model: string;
  /** From secret storage; undefined for a local server that needs none. */
  readonly key?: string;
  readonly labels?: OpenAiLabels;
  /** Why the endpoint could not be reached, for the user (`detail`: the network error). */
  readonly unreachable: (host: string, detail: string) => string;
  /** Injected by tests; Node's global fetch otherwise. */
  readonly fetch?: typeof fetch;
}

/** The network error's own words: fetch's "fetch failed" hides them in `cause` (ECONNREFUSED, ENOTFOUND…). */
function networkDetail(error: unknown): string {
  const cause = error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}

export function endpointComplete(options: EndpointOptions): CompleteChat {
  const send = options.fetch ?? fetch;
  const read = { secret: options.key, labels: options.labels };
  return async (messages, signal, onText) => {
    let response: Response;
    try {
      response = await send(options.url, {
        method: 'POST',
        headers: chatRequestHeaders(true, options.key),
        body: chatRequestBody(messages, { model: options.model, stream: true }),
        signal,
      });
    } catch (error) {
      if (signal.aborted) throw error;
      throw new ModelRequestError('offline', options.unreachable(new URL(options.url).host, networkDetail(error)));
    }
    if (!response.ok) throw httpError(response.status, await response.text(), read);
    // A server that ignores "stream": true answers with one JSON body.
    if (!/text\/event-stream/i.test(response.headers.get('content-type') ?? '') || !response.body) {
      return chatResponseText(response.status, await response.text(), read);
    }
    const decoder = new TextDecoder();
    let state = EMPTY_STREAM;
    const reader = response.body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read().catch((error: unknown) => {
          if (signal.aborted) throw error;
          throw new ModelRequestError('offline', options.unreachable(new URL(options.url).host, networkDetail(error)));
        });
        if (done) break;
        const before = state.text;
        state = readStreamChunk(state, decoder.decode(value, { stream: true }), read);
        if (state.text !== before) onText?.(state.text);
        if (state.done) break;
      }
    } finally {
      // Stops the download when the answer is complete, cancelled, or an event carried an error.
      void reader.cancel().catch(() => undefined);
    }
    return finishStream(readStreamChunk(state, decoder.decode(), read), read);
  };
}
