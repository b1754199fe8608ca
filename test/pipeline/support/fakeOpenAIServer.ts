import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the fake server received for one chat completion request. */
export interface FakeRequest {
  readonly body: { model: string; messages: { role: string; content: string }[]; [key: string]: unknown };
  readonly model: string;
  /** 0-based count of earlier requests for the same model. */
  readonly callIndex: number;
  readonly headers: IncomingMessage['headers'];
  /** performance.now() when the request arrived. */
  readonly receivedAt: number;
}

/** Scripted reply: an assistant `content` (wrapped in a chat.completion) or a raw `body` with a `status`. */
export interface FakeReply {
  readonly status?: number;
  readonly content?: string | null;
  readonly refusal?: string | null;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
  readonly delayMs?: number;
  readonly usage?: { prompt_tokens: number; completion_tokens: number };
  readonly finishReason?: string;
}

export type FakeHandler = (request: FakeRequest) => FakeReply | Promise<FakeReply>;

export interface FakeOpenAIServer {
  /** e.g. http://127.0.0.1:54321/v1 */
  readonly baseURL: string;
  readonly requests: FakeRequest[];
  /** Highest number of requests in flight at once. */
  readonly maxInFlight: number;
  callsFor(model: string): number;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => { data += chunk; });
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });
}

function completion(model: string, reply: FakeReply) {
  const usage = reply.usage ?? { prompt_tokens: 100, completion_tokens: 20 };
  return {
    id: `chatcmpl-fake-${Math.random().toString(36).slice(2)}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [{
      index: 0,
      message: { role: 'assistant', content: reply.content ?? null, refusal: reply.refusal ?? null },
      logprobs: null,
      finish_reason: reply.finishReason ?? 'stop',
    }],
    usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
  };
}

/**
 * A real OpenAI-compatible HTTP server on 127.0.0.1 and a free port, for driving the real `openai` SDK in tests.
 * It answers POST .../chat/completions with whatever `handler` scripts; a delayed reply is abandoned when the
 * client gives up (timeout), so closing never waits for it.
 *
 * @example
 *   const server = await startFakeOpenAIServer(() => ({ content: '{"distribution": {"a": 1}}' }));
 *   new OpenAI({ baseURL: server.baseURL, apiKey: 'test' }); ...; await server.close();
 */
export async function startFakeOpenAIServer(handler: FakeHandler): Promise<FakeOpenAIServer> {
  const requests: FakeRequest[] = [];
  const perModel = new Map<string, number>();
  let inFlight = 0;
  let maxInFlight = 0;

  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const receivedAt = performance.now();
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    let closed = false;
    res.on('close', () => {
      closed = true;
    });
    try {
      if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { message: `no route ${req.method} ${req.url}`, type: 'not_found' } }));
        return;
      }
      const body = JSON.parse(await readBody(req)) as FakeRequest['body'];
      const callIndex = perModel.get(body.model) ?? 0;
      perModel.set(body.model, callIndex + 1);
      const request: FakeRequest = { body, model: body.model, callIndex, headers: req.headers, receivedAt };
      requests.push(request);
      const reply = await handler(request);
      if (reply.delayMs) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, reply.delayMs);
          res.once('close', () => { clearTimeout(timer); resolve(); });
        });
      }
      if (closed) return;
      const status = reply.status ?? 200;
      const payload = reply.body !== undefined ? reply.body
        : status === 200 ? completion(body.model, reply)
          : { error: { message: `scripted ${status}`, type: 'server_error', code: null } };
      res.writeHead(status, { 'content-type': 'application/json', ...reply.headers });
      res.end(typeof payload === 'string' ? payload : JSON.stringify(payload));
    } catch (e) {
      if (!closed) {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { message: (e as Error).message } }));
      }
    } finally {
      inFlight--;
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    get maxInFlight() {
      return maxInFlight;
    },
    callsFor: (model: string) => perModel.get(model) ?? 0,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
