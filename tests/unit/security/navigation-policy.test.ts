import { describe, expect, it } from 'vitest';
import { isAppNavigation } from '../../../src/main/security/navigation-policy';

const PACKAGED = 'file:///opt/Cutline/resources/app.asar/out/renderer/index.html';
const DEV = 'http://localhost:5173/';

describe('isAppNavigation', () => {
  it('lets the window reload its own page (with a hash or query)', () => {
    expect(isAppNavigation(PACKAGED, PACKAGED)).toBe(true);
    expect(isAppNavigation(`${PACKAGED}#photo-12`, PACKAGED)).toBe(true);
    expect(isAppNavigation(`${DEV}?x=1`, DEV)).toBe(true);
  });

  it.each([
    'https://evil.example/',
    'file:///etc/passwd',
    'file:///home/editor/Pictures/IMG_0001.JPG',
    'file:///opt/Cutline/resources/app.asar/out/renderer/other.html',
    'http://localhost:5174/',
    'cutline-media://preview/12',
    'javascript:alert(1)',
    'not a url',
  ])('refuses %s from the packaged page', (target) => {
    expect(isAppNavigation(target, PACKAGED)).toBe(false);
  });

  it('refuses other origins from the dev server page', () => {
    expect(isAppNavigation('https://evil.example/', DEV)).toBe(false);
    expect(isAppNavigation('file:///etc/passwd', DEV)).toBe(false);
  });
});
