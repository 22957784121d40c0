/**
 * The Content-Security-Policy of every page Cutline shows, declared once: the built
 * index.html carries it as a meta tag (electron.vite.config.ts puts it there), and the
 * loopback bridge and the `cutline-media:` scheme send it as a header. Only the app's own
 * scripts run; no inline or eval'd script, no plugin, no remote origin of any kind.
 */

/** The scheme that serves photo previews and thumbnails in Electron (see media-url.ts). */
const MEDIA = 'cutline-media:';

const DIRECTIVES: readonly [string, string][] = [
  ['default-src', "'none'"],
  ['script-src', "'self'"],
  // Thumbnails and previews come over the media scheme (the bridge: its own /media/ path);
  // no data: URLs, so nothing a caption holds can become an image.
  ['img-src', `'self' ${MEDIA}`],
  // Stylesheets only from the app; React's style={…} attributes need inline attributes, which
  // cannot run code.
  ['style-src', "'self'"],
  ['style-src-attr', "'unsafe-inline'"],
  ['font-src', "'self'"],
  ['connect-src', `'self' ${MEDIA}`],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['frame-src', "'none'"],
  ['worker-src', "'none'"],
];

/**
 * The policy as one header or meta value. `frame-ancestors` is honoured only in a header
 * (browsers ignore it, with a warning, in a meta tag), so the meta form leaves it out.
 */
export function contentSecurityPolicy(form: 'header' | 'meta' = 'header'): string {
  const directives =
    form === 'header' ? [...DIRECTIVES, ['frame-ancestors', "'none'"] as const] : DIRECTIVES;
  return directives.map(([name, value]) => `${name} ${value}`).join('; ');
}
