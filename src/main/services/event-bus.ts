import type { EventMap, EventName } from '../../shared/contract';

type Listener = <E extends EventName>(event: E, payload: EventMap[E]) => void;

/**
 * Events the services push to whoever listens: the Electron windows, the bridge's SSE
 * clients, the CLI's progress bar. Services emit without knowing the transport.
 */
export class EventBus {
  private readonly listeners = new Set<Listener>();

  emit<E extends EventName>(event: E, payload: EventMap[E]): void {
    for (const listener of this.listeners) listener(event, payload);
  }

  /** Listens to every event; returns the function that stops listening. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
