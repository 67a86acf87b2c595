/**
 * Public types of the fake provider server: test infrastructure that speaks the
 * OpenAI, Anthropic and Ollama wire protocols and can be scripted to fail.
 */
import type { IncomingHttpHeaders } from 'node:http';

export type Protocol = 'openai' | 'anthropic' | 'ollama';

/**
 * Which requests a fault applies to. 'chat' = the chat endpoint, 'models' = the
 * model list endpoints (/v1/models, /api/tags, /api/ps), 'any' = every request.
 */
export type FaultTarget = 'chat' | 'models' | 'any';

type Targeted<T> = T & { target?: FaultTarget };

export type Fault = Targeted<
  | {
      type: 'status';
      status: number;
      code?: string;
      message?: string;
      retryAfter?: string;
      retryAfterMs?: string;
      headers?: Record<string, string>;
      /**
       * Sent instead of the protocol's own error body, as some hosts and the
       * proxies in front of them answer: vLLM's `{"object":"error",…}`, a
       * gateway's HTML page.
       */
      body?: { text: string; contentType: string };
    }
  | { type: 'stall-before-headers'; ms: number }
  | { type: 'stall-before-first-token'; ms: number }
  | { type: 'error-mid-stream'; afterChunks: number; message?: string }
  | { type: 'cut-connection'; afterChunks: number }
  | { type: 'stall-mid-stream'; afterChunks: number; ms: number }
  | { type: 'slow-tokens'; delayMs: number }
  | { type: 'malformed-chunk'; afterChunks: number }
  | { type: 'no-terminator'; afterChunks: number }
  // A queue entry that behaves normally, so a script can read "fail, succeed, fail".
  | { type: 'none' }
>;

export interface FakeOptions {
  protocol: Protocol;
  /** 0 / undefined = a random free port. Always binds 127.0.0.1. */
  port?: number;
  /** OpenAI-protocol variants: Groq's x_groq usage, Ollama's /v1 compatibility layer, or OpenRouter (usage with its own `cost`). */
  flavor?: 'groq' | 'ollama-openai' | 'openrouter';
  /** OpenRouter flavor: USD per prompt and per completion token behind the `usage.cost` it reports. */
  openrouterPrice?: { prompt: number; completion: number };
  /**
   * OpenAI protocol: the host continues a final assistant message flagged
   * `prefix: true` (Mistral; DeepSeek only on its beta `endpoint`,
   * `/beta/chat/completions`). Without it, a trailing assistant message gets a
   * fresh answer, as OpenAI's Chat Completions API gives one.
   */
  prefix?: { endpoint?: string };
  /** When set, a wrong or missing key gets the protocol's real 401 body. */
  apiKey?: string;
  /** Served by the model list endpoints. */
  models?: string[];
  /**
   * Whether chat with a model not in `models` gets the protocol's 404. Defaults to
   * true for Ollama (a model must be pulled first) and false for the cloud protocols.
   */
  strictModels?: boolean;
  reply?: (req: RecordedChat) => string;
  /**
   * Whether to answer with a tool call instead of text; the default calls the
   * first offered tool until the conversation holds a tool result (tool-reply.ts).
   */
  toolCall?: (req: RecordedChat) => { name: string; arguments: string } | undefined;
  /** Characters per streamed chunk; default 4 so a reply is many chunks. */
  chunkSize?: number;
  tokenDelayMs?: number;
  /** Default true: realistic rate-limit headers on every response; an object replaces them. */
  rateLimitHeaders?: boolean | Record<string, string>;
  /**
   * Sent on every response after the protocol's own, so they can replace its
   * request-id header: a proxy that echoes the caller's key back, for example.
   */
  responseHeaders?: Record<string, string>;
  /** Ollama: names `POST /api/pull` knows; anything else fails like an unknown registry model. */
  pullable?: string[];
  /** Ollama: pause between pull progress lines, so a test can cancel a pull midway. */
  pullDelayMs?: number;
}

export interface RecordedChat {
  path: string;
  headers: IncomingHttpHeaders;
  /** The parsed JSON request body. */
  body: Record<string, unknown>;
  stream: boolean;
  /** Text of each message; Anthropic's top-level `system` comes first as role 'system'. */
  messages: { role: string; content: string }[];
  model: string;
  /** The host takes the final assistant message as the start of its reply (a prefill it honours). */
  continues: boolean;
}

export interface ReportedUsage {
  inputTokens: number;
  outputTokens: number;
}

export interface FakeProvider {
  readonly url: string;
  /** What the SDK wants: openai -> `${url}/v1`, anthropic and ollama -> url. */
  readonly baseURL: string;
  readonly port: number;
  /** Queue faults; each next matching request consumes one (FIFO). */
  script(...faults: Fault[]): void;
  /** Apply to every matching request (after the queue is empty) until cleared with undefined. */
  always(fault: Fault | undefined): void;
  readonly requests: RecordedChat[];
  /** Usage the server reported for the last answer that completed. */
  readonly lastUsage?: ReportedUsage;
  /** Ollama: the currently installed models (changes with pull and delete). */
  readonly models: readonly string[];
  reset(): void;
  close(): Promise<void>;
}
