/**
 * Builds `window.cutline` over any transport from the call names alone. Only types come from
 * the contract, so the preload and the renderer's client load no schema library.
 */
import { CALL_NAMES } from './call-names';
import type { CallName, CutlineApi, EventName } from './contract';
import type { Result } from './result';

/** Builds the domain-shaped API over any `invoke(name, input)` transport. */
export function buildApi(
  invoke: (name: CallName, input: unknown) => Promise<Result<unknown>>,
  on: (event: EventName, listener: (payload: unknown) => void) => () => void,
): CutlineApi {
  const api: Record<string, Record<string, (input: unknown) => Promise<Result<unknown>>>> = {};
  for (const name of CALL_NAMES) {
    const [domain, verb] = name.split(':') as [string, string];
    api[domain] ??= {};
    api[domain][verb] = (input: unknown) => invoke(name, input ?? {});
  }
  return { ...api, on } as unknown as CutlineApi;
}
