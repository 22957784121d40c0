/**
 * The browser the end-to-end tests and the UI benchmarks drive: Debian's Chromium, never a
 * downloaded browser (this network reaches only package registries), and its flags.
 */

/** The Chromium executable: CHROMIUM_PATH, or Debian's. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Headless flags: no sandbox (containers), no GPU, no background traffic. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
