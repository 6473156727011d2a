/**
 * The VS Code side's pure pieces of language-model drafts: which lines a batch drafts and what
 * context it sends, the severities worth a retry, the once-a-session notice, and the
 * OpenAI-compatible adapter against a real local HTTP server (streamed SSE, plain JSON, errors).
 */
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { ModelRequestError } from '../../src/core/annotate/modelDraft';
import { contextOf, draftTargets, retrySeverity } from '../../src/core/annotate/modelTargets';
import { DEFAULT_SEVERITY } from '../../src/core/annotate/qa';
import { OnceEach } from '../../src/vscode/services/onceEach';
import { endpointComplete } from '../../src/vscode/services/openAiSource';

const FILE = [
  '力劲集团推出9200吨压铸机。',
  'EN: LK Group launches a 9,200 t die-casting machine.',
  '',
  '布勒在上海。',
  'note',
];

test('the batch drafts only unannotated Chinese lines unless asked; context leaves annotations out', () => {
  const only = draftTargets(FILE, 'EN: ', false);
  assert.deepEqual(
    only.lines.map((l) => l.line),
    [3],
  );
  assert.equal(only.annotated, 1);
  assert.deepEqual(
    draftTargets(FILE, 'EN: ', true).lines.map((l) => l.line),
    [0, 3],
  );
  assert.deepEqual(contextOf(FILE, 3, 'EN: '), { before: ['力劲集团推出9200吨压铸机。', ''], after: ['note'] });
});

test('hidden severities (hint, off) are not worth a retry: they become information', () => {
  const s = retrySeverity({ ...DEFAULT_SEVERITY, 'missing-term': 'off', 'forbidden-term': 'hint' });
  assert.equal(s['missing-term'], 'information');
  assert.equal(s['forbidden-term'], 'information');
  assert.equal(s['number-mismatch'], DEFAULT_SEVERITY['number-mismatch']);
});

test('a reason is told once a session', () => {
  const once = new OnceEach();
  assert.deepEqual([once.first('offline'), once.first('offline'), once.first('no-model')], [true, false, true]);
});

async function withServer(handle: (req: IncomingMessage, body: string, res: ServerResponse) => void) {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => handle(req, body, res));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/chat/completions`;
  return { url, close: () => new Promise<void>((r) => server.close(() => r())) };
}

const unreachable = (host: string, detail: string) => `${host} unreachable (${detail})`;

test('the endpoint adapter streams SSE, sends the key only in the header, and reads plain JSON', async () => {
  const seen: { auth?: string; body: string }[] = [];
  const server = await withServer((req, body, res) => {
    seen.push({ auth: req.headers.authorization, body });
    if (JSON.parse(body).model === 'plain') {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ choices: [{ message: { content: 'Whole answer.' } }] }));
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/event-stream' });
    const parts = ['LK Group ', 'launches a ', '9,200 t machine.'];
    for (const p of parts) res.write(`data: ${JSON.stringify({ choices: [{ delta: { content: p } }] })}\n\n`);
    res.end('data: [DONE]\n\n');
  });
  try {
    const streamed: string[] = [];
    const complete = endpointComplete({ url: server.url, model: 'm', key: 'sk-secret', unreachable });
    const answer = await complete([{ role: 'user', content: '力劲' }], new AbortController().signal, (t) =>
      streamed.push(t),
    );
    assert.equal(answer, 'LK Group launches a 9,200 t machine.');
    assert.equal(streamed.at(-1), answer);
    assert.ok(streamed.length >= 1);
    assert.equal(seen[0].auth, 'Bearer sk-secret');
    assert.ok(!seen[0].body.includes('sk-secret'));
    assert.equal(JSON.parse(seen[0].body).stream, true);
    const plain = endpointComplete({ url: server.url, model: 'plain', unreachable });
    assert.equal(await plain([{ role: 'user', content: 'x' }], new AbortController().signal), 'Whole answer.');
    assert.equal(seen[1].auth, undefined);
  } finally {
    await server.close();
  }
});

test('the endpoint adapter: an HTTP error becomes its reason with the key scrubbed; no server is offline', async () => {
  const server = await withServer((_req, _body, res) => {
    res.writeHead(401, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ error: { message: 'Incorrect API key provided: sk-secret', code: 'invalid_api_key' } }));
  });
  try {
    const complete = endpointComplete({ url: server.url, model: 'm', key: 'sk-secret', unreachable });
    await assert.rejects(complete([{ role: 'user', content: 'x' }], new AbortController().signal), (e: unknown) => {
      assert.ok(e instanceof ModelRequestError);
      assert.equal(e.failure, 'unauthorized');
      assert.ok(!e.message.includes('sk-secret'), e.message);
      return true;
    });
  } finally {
    await server.close();
  }
  const gone = endpointComplete({ url: server.url, model: 'm', unreachable });
  await assert.rejects(gone([{ role: 'user', content: 'x' }], new AbortController().signal), (e: unknown) => {
    assert.ok(e instanceof ModelRequestError);
    assert.equal(e.failure, 'offline');
    assert.match(e.message, /unreachable \(ECONNREFUSED\)/);
    return true;
  });
});
