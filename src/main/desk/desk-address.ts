/**
 * A desk's address as the catalog may keep it: never with a password (the password comes
 * from PGPASSWORD or ~/.pgpass, which the `pg` driver reads itself).
 */
import { CutlineError } from '../../shared/result';

/** The address without its password, and whether it had one. */
export function storableDeskUrl(url: string): { url: string; hadPassword: boolean } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new CutlineError('invalid-input', 'A desk address looks like postgres://host/db.');
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new CutlineError(
      'invalid-input',
      `A desk address starts with postgres:// (not ${parsed.protocol}//).`,
    );
  }
  const hadPassword = parsed.password !== '';
  parsed.password = '';
  return { url: parsed.toString(), hadPassword };
}
