/** The OpenAI-compatible chat-completions shaping: addresses, bodies, whole and streamed answers, errors. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { ModelRequestError } from '../../src/core/annotate/modelDraft';
import {
  chatCompletionsUrl,
  chatRequestBody,
  chatRequestHeaders,
  chatResponseText,
  EMPTY_STREAM,
  finishStream,
  httpError,
  readStreamChunk,
  type ChatStream,
} from '../../src/core/annotate/openAiChat';
import { recordedCase } from './lmFixture';

const ANSWER = recordedCase('geely-fenced').answers[0];

test('the address: a base gets /chat/completions, a full address is kept, bad settings are refused', () => {
  assert.deepEqual(chatCompletionsUrl('http://localhost:11434/v1'), {
    url: 'http://localhost:11434/v1/chat/completions',
  });
  assert.deepEqual(chatCompletionsUrl(' https://api.openai.com/v1/ '), {
    url: 'https://api.openai.com/v1/chat/completions',
  });
  assert.deepEqual(chatCompletionsUrl('https://llm.example.com/openai/v1/chat/completions?api-version=1'), {
    url: 'https://llm.example.com/openai/v1/chat/completions?api-version=1',
  });
  assert.deepEqual(chatCompletionsUrl('localhost:8080'), { problem: 'not-http' });
  assert.deepEqual(chatCompletionsUrl('not a url'), { problem: 'not-url' });
  assert.deepEqual(chatCompletionsUrl('ftp://example.com/v1'), { problem: 'not-http' });
  assert.deepEqual(chatCompletionsUrl('https://user:sk-secret@example.com/v1'), { problem: 'credentials' });
});

test('the body holds the model, the messages (role and content only), stream and a low temperature', () => {
  const messages = [
    { role: 'system', content: 'You translate.' },
    { role: 'user', content: '布勒：拓普集团1台' },
  ] as const;
  assert.deepEqual(JSON.parse(chatRequestBody(messages, { model: 'qwen2.5:7b', stream: true })), {
    model: 'qwen2.5:7b',
    messages: [
      { role: 'system', content: 'You translate.' },
      { role: 'user', content: '布勒：拓普集团1台' },
    ],
    stream: true,
    temperature: 0.2,
  });
  const body = JSON.parse(chatRequestBody(messages, { model: 'm', stream: false, temperature: 0, maxTokens: 400 }));
  assert.equal(body.temperature, 0);
  assert.equal(body.max_tokens, 400);
  assert.deepEqual(chatRequestHeaders(false), { 'Content-Type': 'application/json', Accept: 'application/json' });
  assert.equal(chatRequestHeaders(true, 'sk-test').Authorization, 'Bearer sk-test');
  assert.equal(chatRequestHeaders(true, 'sk-test').Accept, 'text/event-stream');
});

const completion = (content: unknown, more: object = {}) =>
  JSON.stringify({
    id: 'chatcmpl-1',
    object: 'chat.completion',
    choices: [{ index: 0, message: { role: 'assistant', content, ...more }, finish_reason: 'stop' }],
  });

test('a whole response: the message text (a string or text parts), a refusal, an empty answer', () => {
  assert.equal(chatResponseText(200, completion(ANSWER)), ANSWER);
  assert.equal(
    chatResponseText(
      200,
      completion([
        { type: 'text', text: 'Geely: ' },
        { type: 'text', text: 'the Zeekr 009' },
      ]),
    ),
    'Geely: the Zeekr 009',
  );
  assert.equal(
    chatResponseText(200, completion(null, { refusal: "I can't help with that." })),
    "I can't help with that.",
  );
  assert.equal(chatResponseText(200, completion('')), '');
});

function rejects(run: () => unknown, failure: string, message: string | RegExp) {
  assert.throws(run, (e: unknown) => {
    assert.ok(e instanceof ModelRequestError);
    assert.equal(e.failure, failure);
    if (typeof message === 'string') assert.equal(e.message, message);
    else assert.match(e.message, message);
    return true;
  });
}

test('HTTP errors: the endpoint’s message, the reason by status and code, the key never shown', () => {
  const openAi401 = JSON.stringify({
    error: {
      message:
        'Incorrect API key provided: sk-proj-abcd****wxyz. You can find your API key at https://platform.openai.com.',
      type: 'invalid_request_error',
      code: 'invalid_api_key',
    },
  });
  rejects(
    () => chatResponseText(401, openAi401),
    'unauthorized',
    'the endpoint answered HTTP 401: Incorrect API key provided: sk-…. You can find your API key at https://platform.openai.com.',
  );
  rejects(
    () =>
      chatResponseText(
        404,
        JSON.stringify({ error: { message: 'The model `gpt-9` does not exist', code: 'model_not_found' } }),
      ),
    'no-model',
    /HTTP 404: The model `gpt-9` does not exist/,
  );
  // Ollama's shape, vLLM's shape, a rate limit, an HTML page from a proxy.
  rejects(
    () => chatResponseText(404, '{"error":"model \\"qwen3\\" not found, try pulling it first"}'),
    'no-model',
    'the endpoint answered HTTP 404: model "qwen3" not found, try pulling it first',
  );
  rejects(
    () =>
      chatResponseText(
        400,
        '{"object":"error","message":"This model\'s maximum context length is 4096 tokens","code":400}',
      ),
    'failed',
    /maximum context length is 4096 tokens/,
  );
  rejects(
    () => chatResponseText(429, '{"error":{"message":"Rate limit reached","code":"rate_limit_exceeded"}}'),
    'blocked',
    /Rate limit/,
  );
  rejects(
    () => chatResponseText(502, '<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>'),
    'failed',
    'the endpoint answered HTTP 502: 502 Bad Gateway nginx',
  );
  rejects(() => chatResponseText(500, ''), 'failed', 'the endpoint answered HTTP 500');
  // A key the endpoint echoes in full is scrubbed whatever its shape.
  const secret = 'my-company-key-1234';
  const error = httpError(403, `{"error":"key ${secret} is not allowed"}`, { secret });
  assert.equal(error.message, 'the endpoint answered HTTP 403: key … is not allowed');
});

test('a 200 that is not the protocol: not JSON, no choices, an error object, a filtered answer', () => {
  rejects(
    () => chatResponseText(200, '<!doctype html><html>login</html>'),
    'failed',
    /not JSON \(it starts "<!doctype html>/,
  );
  rejects(() => chatResponseText(200, '{"object":"list","data":[]}'), 'failed', /no "choices"/);
  rejects(
    () => chatResponseText(200, '{"error":{"message":"overloaded"}}'),
    'failed',
    /error while answering: overloaded/,
  );
  const filtered = JSON.stringify({
    choices: [{ message: { role: 'assistant', content: null }, finish_reason: 'content_filter' }],
  });
  rejects(() => chatResponseText(200, filtered), 'blocked', /content filter/);
});

/** A streamed answer as OpenAI sends it: a role chunk, content deltas, a finish chunk, [DONE]. */
function sse(deltas: readonly string[], lineEnd = '\n'): string {
  const event = (choice: object) => {
    const chunk = { id: 'chatcmpl-1', object: 'chat.completion.chunk', choices: [{ index: 0, ...choice }] };
    return `data: ${JSON.stringify(chunk)}${lineEnd}${lineEnd}`;
  };
  return [
    `: keep-alive${lineEnd}${lineEnd}`,
    event({ delta: { role: 'assistant', content: '' }, finish_reason: null }),
    ...deltas.map((d) => event({ delta: { content: d }, finish_reason: null })),
    event({ delta: {}, finish_reason: 'stop' }),
    `data: [DONE]${lineEnd}${lineEnd}`,
  ].join('');
}

function readAll(chunks: readonly string[]): { state: ChatStream; text: string; seen: string[] } {
  let state = EMPTY_STREAM;
  const seen: string[] = [];
  for (const c of chunks) {
    state = readStreamChunk(state, c);
    seen.push(state.text);
  }
  return { state, text: finishStream(state), seen };
}

const DELTAS = [ANSWER.slice(0, 7), ANSWER.slice(7, 19), ANSWER.slice(19, 90), ANSWER.slice(90)];

test('a streamed answer: the text grows chunk by chunk, the finish reason and [DONE] are read', () => {
  const chunks = sse(DELTAS).split(/(?<=\n\n)/);
  const { state, text, seen } = readAll(chunks);
  assert.equal(text, ANSWER);
  assert.equal(state.done, true);
  assert.equal(state.finishReason, 'stop');
  assert.ok(seen.includes('Here is the English'), JSON.stringify(seen));
  // Nothing after [DONE] is read.
  assert.equal(readStreamChunk(state, 'data: {"choices":[{"delta":{"content":"x"}}]}\n\n').text, ANSWER);
});

test('a stream split anywhere, with LF, CRLF or CR line ends, reads the same', () => {
  for (const lineEnd of ['\n', '\r\n', '\r']) {
    const body = sse(DELTAS, lineEnd);
    fc.assert(
      fc.property(fc.array(fc.nat(body.length), { maxLength: 12 }), (cuts) => {
        const points = [...new Set(cuts)].sort((a, b) => a - b);
        const chunks = [0, ...points].map((p, i) => body.slice(p, points[i] ?? body.length));
        return readAll(chunks).text === ANSWER;
      }),
      { numRuns: 300 },
    );
  }
});

test('a stream that ends without [DONE] or a last blank line still gives its text', () => {
  const body = sse(DELTAS).replace('data: [DONE]\n\n', '').replace(/\n\n$/, '');
  assert.equal(readAll([body]).text, ANSWER);
  assert.equal(readAll([]).text, '');
});

test('an error in the stream, or data that is not JSON, is a clear error', () => {
  const body = sse(['Geely: ']).replace(
    'data: [DONE]',
    'data: {"error":{"message":"upstream timed out","code":"timeout"}}',
  );
  assert.throws(
    () => readAll([body]),
    (e: unknown) =>
      e instanceof ModelRequestError &&
      e.message === 'the endpoint reported an error while answering: upstream timed out',
  );
  assert.throws(() => readAll(['data: {"choices": [\n\n']), /not JSON/);
  const filtered = 'data: {"choices":[{"delta":{},"finish_reason":"content_filter"}]}\n\ndata: [DONE]\n\n';
  assert.throws(
    () => readAll([filtered]),
    (e: unknown) => e instanceof ModelRequestError && e.failure === 'blocked',
  );
});
