/**
 * Static checks of what `npm run build` produced, the files that ship: the page carries the
 * one CSP and runs no inline script, the renderer bundle cannot reach Node (`require`,
 * `process`), the preload exposes only the contract, and the window keeps Electron's secure
 * options. Run after the build (`npm test` builds first).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../src/shared/content-security-policy';

const OUT = join(import.meta.dirname, '..', '..', 'out');

function built(...parts: string[]): string {
  const file = join(OUT, ...parts);
  if (!existsSync(file)) throw new Error(`${file} is missing: run "npm run build" first.`);
  return readFileSync(file, 'utf8');
}

function rendererScripts(): { name: string; text: string }[] {
  const dir = join(OUT, 'renderer', 'assets');
  const names = readdirSync(dir).filter((name) => name.endsWith('.js'));
  expect(names.length).toBeGreaterThan(0);
  return names.map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
}

describe('the built page', () => {
  const html = built('renderer', 'index.html');

  it('carries the CSP of src/shared, before any script or stylesheet', () => {
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html);
    expect(meta?.[1]).toBe(contentSecurityPolicy('meta'));
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('stylesheet'));
  });

  it('forbids inline and eval’d script and every remote origin', () => {
    const policy = contentSecurityPolicy('header');
    expect(policy).not.toMatch(/unsafe-eval|https?:|\*/);
    // Inline style attributes (React's style={…}) only; they cannot run code.
    const inline = policy.split('; ').filter((directive) => directive.includes('unsafe-inline'));
    expect(inline).toEqual(["style-src-attr 'unsafe-inline'"]);
    expect(/script-src ([^;]*)/.exec(policy)?.[1]).toBe("'self'");
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("frame-ancestors 'none'");
  });

  it('takes images only from the app and the cutline-media: scheme, never data: or file:', () => {
    const policy = contentSecurityPolicy('header');
    expect(/img-src ([^;]*)/.exec(policy)?.[1]).toBe("'self' cutline-media:");
    expect(policy).not.toMatch(/data:|file:|blob:/);
  });

  it('has no inline script and loads nothing remote', () => {
    for (const tag of html.match(/<script\b[^>]*>/g) ?? []) expect(tag).toMatch(/\ssrc="\.\//);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
  });
});

describe('the renderer bundle', () => {
  it('cannot reach Node: no require() and no process use beyond a typeof guard', () => {
    for (const { name, text } of rendererScripts()) {
      // React checks `"function" === typeof process.emit` before using it; that is a guard.
      const unguarded = text.replace(/typeof process(\.\w+)?/g, '');
      expect(unguarded, name).not.toMatch(/\brequire\s*\(/);
      expect(unguarded, name).not.toMatch(/\bprocess\s*\.\s*(env|versions|binding|mainModule)/);
      expect(text, name).not.toMatch(/\b(ipcRenderer|__dirname|child_process)\b/);
    }
  });

  it('never names a file: or data: image URL (images come over cutline-media: or /media/)', () => {
    for (const { name, text } of rendererScripts()) {
      expect(text, name).not.toContain('file://');
      expect(text, name).not.toContain('data:image/');
    }
  });
});

describe('the built preload', () => {
  const preload = built('preload', 'index.cjs');

  it('exposes exactly the contract and the drop helper', () => {
    const exposed = [...preload.matchAll(/exposeInMainWorld\(\s*"(\w+)"/g)].map((m) => m[1]);
    expect(exposed).toEqual(['cutline', 'cutlineHost']);
  });

  it('is CommonJS, so that it loads with the sandbox on', () => {
    expect(preload).toMatch(/require\("electron"\)/);
    expect(preload).not.toMatch(/^\s*import\s/m);
  });
});

describe('the built main process', () => {
  const main = built('main', 'index.js');

  it('opens the window with Electron’s secure options', () => {
    const prefs = /webPreferences:\s*\{([^}]*)\}/.exec(main)?.[1] ?? '';
    expect(prefs).toMatch(/contextIsolation:\s*true/);
    expect(prefs).toMatch(/nodeIntegration:\s*false/);
    expect(prefs).toMatch(/sandbox:\s*true/);
    expect(prefs).toMatch(/webSecurity:\s*true/);
    expect(prefs).toMatch(/allowRunningInsecureContent:\s*false/);
    expect(prefs).toMatch(/disableBlinkFeatures:\s*"Auxclick"/);
    expect(prefs).not.toMatch(/nodeIntegrationIn|webviewTag:\s*true|experimentalFeatures/);
  });

  it('refuses navigation, new windows, webviews and permissions', () => {
    for (const needle of [
      'will-navigate',
      'will-redirect',
      'will-attach-webview',
      'setWindowOpenHandler',
      'setPermissionRequestHandler',
      'setPermissionCheckHandler',
      'web-contents-created',
    ]) {
      expect(main, needle).toContain(needle);
    }
  });
});
