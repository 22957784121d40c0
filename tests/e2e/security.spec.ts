/**
 * The renderer's sandbox as a browser sees it, through the loopback bridge: every answer
 * carries the CSP header, the page has no Node (`require`, `process`), inline and eval'd
 * script are refused, and nothing remote loads. (In Electron the same page gets the same
 * policy from its meta tag; tests/security checks the built files.) And the bridge answers
 * only the page it served: a real Chromium page on another loopback origin and a file://
 * page try fetches, form posts, images and the event stream, and nothing changes
 * (tests/security/bridge-attack.test.ts replays every hostile request on every route).
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from '@playwright/test';
import { BRIDGE_KEY_HEADER, BRIDGE_KEY_PARAM } from '../../src/shared/bridge-key';
import { contentSecurityPolicy } from '../../src/shared/content-security-policy';
import { makeJpeg, wireTags } from '../helpers/make-photos';
import { callApi, type E2eShoot, startShoot, stopShoot } from './cutline-server';

const CAPTION = 'Fireworks over Pyongyang.';

let shoot: E2eShoot;

test.beforeAll(async () => {
  shoot = await startShoot('security', (root, exiftool) =>
    makeJpeg(exiftool, join(root, 'shoot', 'fireworks.jpg'), {
      tags: wireTags({ caption: CAPTION, credit: 'KCNA via AP' }),
    }),
  );
});

test.afterAll(() => stopShoot(shoot));

test('every bridge answer carries the CSP header, refusals too', async () => {
  const expected = contentSecurityPolicy('header');
  const page = new URL(shoot.cutline.url);
  const key = page.searchParams.get(BRIDGE_KEY_PARAM) ?? '';
  const answers = [
    await fetch(page),
    await fetch(`${page.origin}/some/unknown/page${page.search}`),
    await fetch(`${page.origin}/`),
    await fetch(`${page.origin}/media/preview/999${page.search}`),
    await fetch(`${page.origin}/api/catalog:info`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [BRIDGE_KEY_HEADER]: key },
      body: '{}',
    }),
    await fetch(`${page.origin}/api/catalog:info`, { method: 'POST', body: '{}' }),
  ];
  for (const answer of answers) {
    expect(answer.headers.get('content-security-policy'), answer.url).toBe(expected);
    expect(answer.headers.get('x-content-type-options'), answer.url).toBe('nosniff');
  }
  expect(answers.map((answer) => answer.status)).toEqual([200, 200, 403, 404, 200, 415]);
});

/**
 * A hostile page: it knows the bridge's address and a photo's id, not the key, and tries
 * what any page may: no-cors fetches with text/plain bodies, a CORS fetch, reading the page,
 * an image, the event stream, and text/plain form posts into a frame. It reports in
 * `window.attack` when done.
 */
function attackPage(bridge: string, id: number, out: string): string {
  const script = `
(async () => {
  const B = ${JSON.stringify(bridge)};
  const id = ${id};
  const out = ${JSON.stringify(out)};
  const report = {};
  const attempt = async (name, run) => {
    try { report[name] = await run(); } catch (error) { report[name] = 'failed'; }
  };
  const edit = JSON.stringify({ ids: [id], changes: { caption: 'Written by another page.' } });
  const exportTo = JSON.stringify({ format: 'txt', out, overwrite: true });
  for (const type of ['text/plain', 'text/plain;json', 'application/x-www-form-urlencoded']) {
    await attempt('no-cors edit ' + type, () => fetch(B + '/api/edits:set',
      { method: 'POST', mode: 'no-cors', headers: { 'content-type': type }, body: edit }).then((r) => r.type));
    await attempt('no-cors export ' + type, () => fetch(B + '/api/export:sheet',
      { method: 'POST', mode: 'no-cors', headers: { 'content-type': type }, body: exportTo }).then((r) => r.type));
  }
  await attempt('cors edit', () => fetch(B + '/api/edits:set',
    { method: 'POST', headers: { 'content-type': 'application/json' }, body: edit }).then((r) => r.status));
  // Reading the folder browser's listing (names under home) would be a leak too.
  await attempt('cors folders', () => fetch(B + '/api/folders:list',
    { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }).then((r) => r.text()));
  await attempt('read page', () => fetch(B + '/').then((r) => r.text()));
  await attempt('image', () => new Promise((done) => {
    const image = new Image();
    image.onload = () => done('loaded');
    image.onerror = () => done('refused');
    image.src = B + '/media/thumbnail/' + id;
  }));
  await attempt('events', () => new Promise((done) => {
    const source = new EventSource(B + '/api/events');
    source.onopen = () => { source.close(); done('open'); };
    source.onerror = () => { source.close(); done('refused'); };
  }));
  const post = (call, json) => new Promise((done) => {
    const frame = document.createElement('iframe');
    frame.name = 'sink-' + call;
    document.body.append(frame);
    const form = document.createElement('form');
    form.method = 'POST';
    form.enctype = 'text/plain';
    form.action = B + '/api/' + call;
    form.target = frame.name;
    // text/plain posts "name=value": the name opens a JSON string the value closes.
    const field = document.createElement('input');
    field.name = json.slice(0, -1) + ',"pad":"';
    field.value = '"}';
    form.append(field);
    document.body.append(form);
    frame.onload = () => done('posted');
    setTimeout(() => done('timed out'), 5000);
    form.submit();
  });
  await attempt('form export', () => post('export:sheet', exportTo));
  await attempt('form edit', () => post('edits:set', edit));
  window.attack = report;
})();`;
  return `<!doctype html><html><head><meta charset="utf-8"><title>Elsewhere</title></head><body><script>${script}</script></body></html>`;
}

test('a page on another loopback origin or a file:// page cannot drive the bridge', async ({
  page,
}) => {
  const bridge = new URL(shoot.cutline.url);
  const [id] = await callApi<number[]>(shoot.cutline.url, 'photos:ids', {});
  const out = join(shoot.root, 'written-by-another-page.txt');
  const html = attackPage(bridge.origin, id!, out);
  const elsewhere: Server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  });
  await new Promise<void>((done) => elsewhere.listen(0, '127.0.0.1', done));
  const attackFile = join(shoot.root, 'attack.html');
  await writeFile(attackFile, html);
  // What reached the bridge, and how it answered (opaque to the page, not to Playwright).
  const answered: { url: string; status: number }[] = [];
  page.on('response', (response) => {
    if (response.url().startsWith(bridge.origin)) {
      answered.push({ url: response.url(), status: response.status() });
    }
  });
  try {
    const port = (elsewhere.address() as AddressInfo).port;
    for (const address of [`http://127.0.0.1:${port}/`, pathToFileURL(attackFile).href]) {
      const before = answered.length;
      await page.goto(address);
      await page.waitForFunction(() => 'attack' in globalThis, null, { timeout: 30_000 });
      const report = (await page.evaluate(() => (globalThis as { attack?: unknown }).attack)) as
        | Record<string, string>
        | undefined;
      expect(report?.image, address).toBe('refused');
      expect(report?.events, address).toBe('refused');
      expect(report?.['cors edit'], address).toBe('failed');
      expect(report?.['cors folders'], address).toBe('failed');
      expect(report?.['read page'], address).toBe('failed');
      if (address.startsWith('http:')) {
        // Requests from another port did reach the bridge: the refusals are its own.
        expect(answered.length, address).toBeGreaterThan(before);
      }
    }
  } finally {
    await new Promise((done) => elsewhere.close(done));
  }
  for (const answer of answered) expect(answer.status, answer.url).toBeGreaterThanOrEqual(400);
  // Nothing changed: the caption is the file's, and no file was written.
  const stored = await callApi<{ record: { caption: string } }>(shoot.cutline.url, 'photos:get', {
    id,
  });
  expect(stored.record.caption).toBe(CAPTION);
  expect(existsSync(out)).toBe(false);
});

test('the printed address opens the app: a thumbnail shows; without the key, a refusal', async ({
  page,
}) => {
  const bridge = new URL(shoot.cutline.url);
  const refused = await page.goto(`${bridge.origin}/`);
  expect(refused?.status()).toBe(403);
  await expect(page.locator('body')).toContainText("open the address 'cutline serve' printed");
  await page.goto(shoot.cutline.url);
  const image = page.getByRole('grid', { name: 'Photos' }).locator('[role="gridcell"] img');
  await expect(image).toHaveCount(1);
  await expect
    .poll(() => image.evaluate((element) => (element as { naturalWidth: number }).naturalWidth))
    .toBeGreaterThan(0);
});

test('the page cannot reach Node, run inline or eval’d script, or load remote content', async ({
  page,
}) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.goto(shoot.cutline.url);
  await expect(page.getByRole('button', { name: /Import/ }).first()).toBeVisible();

  const reach = await page.evaluate(() => {
    const page = globalThis as { require?: unknown; process?: unknown; module?: unknown };
    return {
      require: typeof page.require,
      process: typeof page.process,
      module: typeof page.module,
    };
  });
  expect(reach).toEqual({ require: 'undefined', process: 'undefined', module: 'undefined' });

  const blocked = await page.evaluate(async () => {
    // The tests compile without the DOM library: name the little of it used here.
    const w = globalThis as unknown as {
      inlineRan?: boolean;
      stringTimerRan?: boolean;
      document: {
        createElement(tag: 'script'): { textContent: string };
        head: { append(node: unknown): void };
      };
    };
    const script = w.document.createElement('script');
    script.textContent = 'window.inlineRan = true';
    w.document.head.append(script);
    // A timer given a string is eval by another name; the page's CSP refuses it. (eval typed
    // here would run as DevTools code, which CSP does not govern.)
    (setTimeout as unknown as (code: string, ms: number) => void)(
      'window.stringTimerRan = true',
      0,
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    let remoteLoaded = false;
    try {
      await fetch('https://example.com/');
      remoteLoaded = true;
    } catch {
      remoteLoaded = false;
    }
    return { inline: w.inlineRan === true, eval: w.stringTimerRan === true, remote: remoteLoaded };
  });
  expect(blocked).toEqual({ inline: false, eval: false, remote: false });
  expect(violations.length).toBeGreaterThan(0);
});
