/**
 * Which links may leave the app for the user's browser (`shell.openExternal`). Opening a URL
 * hands it to the operating system, which would also run `file:`, `smb:` or a custom
 * handler's scheme; so only plain web links to the sites the app itself links to pass.
 */

/** Hosts of the links Cutline shows (Help menu, documentation links in dialogs). */
export const EXTERNAL_LINK_HOSTS: readonly string[] = [
  'github.com',
  'www.iptc.org',
  'iptc.org',
  'exiftool.org',
];

/** True when `url` is an http(s) link, without credentials, to a host the app links to. */
export function isOpenableExternally(
  url: string,
  hosts: readonly string[] = EXTERNAL_LINK_HOSTS,
): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return false;
  // user:password@host hides the real destination from a reader of the link.
  if (parsed.username !== '' || parsed.password !== '') return false;
  if (parsed.port !== '') return false;
  return hosts.includes(parsed.hostname.toLowerCase());
}
