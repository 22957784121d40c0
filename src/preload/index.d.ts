/**
 * What the preload exposes to the renderer. In Electron `window.cutline` is the typed,
 * domain-shaped API; in a plain browser (the loopback bridge) it is absent and the renderer
 * builds the same API over HTTP.
 */
import type { CutlineApi } from '../shared/contract';

declare global {
  interface Window {
    cutline?: CutlineApi;
  }
}
