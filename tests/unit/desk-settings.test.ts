/**
 * Which settings are the desk's and which stay a member's own (src/shared/desk-settings.ts):
 * every setting is decided, once; and values are compared in one form whatever order
 * PostgreSQL's jsonb gives their keys.
 */
import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  PERSONAL_SETTING_KEYS,
  SHARED_KINDS,
  SHARED_SETTING_KEYS,
} from '../../src/shared/desk-settings';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';

describe('desk-wide and personal settings', () => {
  it('decide every setting exactly once (a new setting must be placed)', () => {
    const shared = Object.values(SHARED_SETTING_KEYS).flat() as string[];
    const personal = [...PERSONAL_SETTING_KEYS] as string[];
    expect([...shared, ...personal].sort()).toEqual(Object.keys(DEFAULT_SETTINGS).sort());
    expect(new Set([...shared, ...personal]).size).toBe(shared.length + personal.length);
  });

  it("keep a member's name and window to the member", () => {
    for (const key of ['userName', 'gridColumns', 'detailsOpen', 'detailsWidth', 'lastExport']) {
      expect(PERSONAL_SETTING_KEYS as readonly string[]).toContain(key);
    }
  });

  it('name a kind for every group of shared settings', () => {
    for (const kind of Object.keys(SHARED_SETTING_KEYS)) {
      expect(SHARED_KINDS as readonly string[]).toContain(kind);
    }
  });

  it('compare values whatever the order of their keys', () => {
    const a = { name: 'Summit', values: { city: 'Brussels', caption: 'x' }, options: {} };
    const b = { options: {}, values: { caption: 'x', city: 'Brussels' }, name: 'Summit' };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(canonicalJson(['b', 'a'])).not.toBe(canonicalJson(['a', 'b']));
    expect(canonicalJson(null)).toBe('null');
  });
});
