import { describe, expect, it } from 'vitest';
import { isOpenableExternally } from '../../../src/main/security/external-links';

describe('isOpenableExternally', () => {
  it.each([
    'https://github.com/',
    'https://github.com/cutline/cutline/issues?q=crash#top',
    'http://www.iptc.org/std/photometadata/specification/',
    'https://EXIFTOOL.org/TagNames/IPTC.html',
  ])('opens a web link to a site the app links to: %s', (url) => {
    expect(isOpenableExternally(url)).toBe(true);
  });

  it.each([
    ['a local file', 'file:///etc/passwd'],
    ['a Windows share', 'smb://server/share'],
    ['a custom protocol handler', 'ms-msdt:/id PCWDiagnostic'],
    ['script', 'javascript:alert(1)'],
    ['data', 'data:text/html,<script>alert(1)</script>'],
    ['a host the app never shows', 'https://evil.example/'],
    ['a look-alike host', 'https://github.com.evil.example/'],
    ['credentials hiding the host', 'https://github.com@evil.example/'],
    ['credentials on an allowed host', 'https://user:pw@github.com/'],
    ['an unusual port', 'https://github.com:8443/'],
    ['not a URL', 'github.com'],
    ['empty', ''],
  ])('refuses %s', (_what, url) => {
    expect(isOpenableExternally(url)).toBe(false);
  });

  it('takes its own allow-list', () => {
    expect(isOpenableExternally('https://docs.example/x', ['docs.example'])).toBe(true);
    expect(isOpenableExternally('https://github.com/', ['docs.example'])).toBe(false);
  });
});
