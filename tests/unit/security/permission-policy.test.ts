import { describe, expect, it } from 'vitest';
import { isPermissionGranted } from '../../../src/main/security/permission-policy';

describe('isPermissionGranted', () => {
  it('lets the page write a credit block to the clipboard', () => {
    expect(isPermissionGranted('clipboard-sanitized-write')).toBe(true);
  });

  it.each([
    'media',
    'geolocation',
    'notifications',
    'midi',
    'midiSysex',
    'pointerLock',
    'fullscreen',
    'openExternal',
    'clipboard-read',
    'display-capture',
    'hid',
    'serial',
    'usb',
    'window-management',
    'unknown',
    'speaker-selection',
    'storage-access',
  ])('refuses %s', (permission) => {
    expect(isPermissionGranted(permission)).toBe(false);
  });
});
