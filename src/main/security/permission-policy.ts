/**
 * Which web permissions the window gets when it asks (Electron grants every request unless
 * the app says otherwise). Cutline needs none of camera, microphone, location,
 * notifications, MIDI, HID, serial, USB, pointer lock or opening external protocols; it
 * needs only to put a credit block on the clipboard.
 */

/** The permissions Cutline's page may have. */
export const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

/** True when the page may have `permission`; every other request is refused. */
export function isPermissionGranted(permission: string): boolean {
  return GRANTED_PERMISSIONS.has(permission);
}
