/**
 * What the preload exposes to the renderer. In Electron `window.cutline` is the typed,
 * domain-shaped API; in a plain browser (the loopback bridge) it is absent and the renderer
 * builds the same API over HTTP.
 */
import type { CutlineApi } from '../shared/contract';

/**
 * The one host ability that must run in the preload: Electron (32+) no longer puts a `path`
 * on dropped File objects, and only `webUtils` in the preload can tell where one lives.
 */
export interface CutlineHost {
  pathForFile(file: File): string;
}

declare global {
  interface Window {
    cutline?: CutlineApi;
    cutlineHost?: CutlineHost;
  }
}
