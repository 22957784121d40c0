/**
 * The loopback HTTP bridge as a transport: `POST /api/<call>` answers a JSON Result, and
 * `GET /api/events` is one Server-Sent Events stream shared by every subscriber. Each carries
 * the key the bridge put in the page it served (src/shared/bridge-key.ts).
 */
import { BRIDGE_KEY_HEADER, BRIDGE_KEY_META, withBridgeKey } from '../../../shared/bridge-key';
import type { CallName, EventName } from '../../../shared/contract';
import type { Result } from '../../../shared/result';

/** This launch's key, from the page the bridge served ("" on a page it did not serve). */
export function bridgeKey(): string {
  return document.querySelector<HTMLMetaElement>(`meta[name="${BRIDGE_KEY_META}"]`)?.content ?? '';
}

function ioError(message: string): Result<never> {
  return { ok: false, error: { code: 'io', message } };
}

function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  const { ok } = value as { ok: unknown };
  if (ok === true) return 'value' in value;
  if (ok !== false || !('error' in value)) return false;
  const { error } = value as { error: unknown };
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}

/** Invokes one contract call over HTTP; network and protocol failures become `io` errors. */
export async function httpInvoke(
  name: CallName,
  input: unknown,
  baseUrl = '',
): Promise<Result<unknown>> {
  let response: Response;
  try {
    response = await fetch(`${baseUrl}/api/${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [BRIDGE_KEY_HEADER]: bridgeKey() },
      body: JSON.stringify(input ?? {}),
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return ioError(`Cutline could not reach its service (${reason}).`);
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return ioError(`The service answered ${response.status} without a readable result.`);
  }
  if (!isResult(body)) {
    return ioError(`The service answered ${response.status} with an unexpected result.`);
  }
  return body;
}

type Listener = (payload: unknown) => void;

/** One EventSource for the whole window, opened on the first subscription. */
export function createEventStream(url = withBridgeKey('/api/events', bridgeKey())) {
  let source: EventSource | null = null;
  const listeners = new Map<EventName, Set<Listener>>();

  function dispatch(event: EventName, message: MessageEvent<string>): void {
    let payload: unknown;
    try {
      payload = JSON.parse(message.data);
    } catch {
      return;
    }
    for (const listener of listeners.get(event) ?? []) listener(payload);
  }

  function attach(event: EventName): void {
    source?.addEventListener(event, (message) => dispatch(event, message as MessageEvent<string>));
  }

  return function on(event: EventName, listener: Listener): () => void {
    source ??= new EventSource(url);
    let set = listeners.get(event);
    if (set === undefined) {
      set = new Set();
      listeners.set(event, set);
      attach(event);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  };
}
