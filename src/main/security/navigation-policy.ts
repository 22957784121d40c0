/**
 * Where the app's window may navigate: nowhere but its own page. Cutline is one page; a
 * link, a dropped file or a script that tries to load anything else (a remote site, a
 * `file:` URL) in the window is refused, so no remote content ever runs with the preload.
 */

/**
 * True when `target` is the app's own page: the same file, or (in development) the same
 * dev-server origin. `appUrl` is what the window loaded.
 */
export function isAppNavigation(target: string, appUrl: string): boolean {
  let to: URL;
  let app: URL;
  try {
    to = new URL(target);
    app = new URL(appUrl);
  } catch {
    return false;
  }
  if (app.protocol === 'file:') {
    return to.protocol === 'file:' && to.pathname === app.pathname;
  }
  // The dev server (http://localhost:5173): its own origin only, and never in a packaged app
  // (the shell loads a dev URL only when not packaged).
  return to.origin === app.origin;
}
