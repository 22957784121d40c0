/**
 * The bridge's request gate (src/bridge/request-gate.ts) on the decisions that are not
 * obvious from its rules: which JSON content types pass, which Sec-Fetch-Site values, where
 * each route may carry the key, and that localhost and 127.0.0.1 are different origins.
 * tests/security/bridge-attack.test.ts replays the hostile requests against the real bridge.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { describe, expect, it } from 'vitest';
import { type BridgeRoute, refusalOf } from '../../../src/bridge/request-gate';

const PORT = 5174;
const KEY = 'k'.repeat(43);

function gate(
  route: BridgeRoute,
  headers: IncomingHttpHeaders,
  { method = route === 'api' ? 'POST' : 'GET', path = '/' } = {},
) {
  const url = new URL(path, `http://127.0.0.1:${PORT}`);
  return refusalOf(
    { method, headers: { host: `127.0.0.1:${PORT}`, ...headers }, url },
    route,
    PORT,
    KEY,
  );
}

const call = (headers: IncomingHttpHeaders) =>
  gate('api', { 'x-cutline-key': KEY, 'content-type': 'application/json', ...headers });

describe('request gate', () => {
  it('takes application/json, with a UTF-8 charset at most', () => {
    for (const type of [
      'application/json',
      'Application/JSON',
      'application/json; charset=utf-8',
      'application/json;charset="UTF-8"',
    ]) {
      expect(call({ 'content-type': type }), type).toBeNull();
    }
    for (const type of [
      'text/plain',
      'text/plain;json',
      'application/json; charset=latin1',
      'application/json; boundary=x',
      'application/jsonx',
      'application/json, text/plain',
      '',
    ]) {
      expect(call({ 'content-type': type }), type).toMatchObject({ status: 415 });
    }
  });

  it('takes a call’s key from its header only; images, the stream and the page from the query', () => {
    expect(
      gate('api', { 'content-type': 'application/json' }, { path: `/api/x?key=${KEY}` }),
    ).toMatchObject({ status: 403 });
    for (const route of ['media', 'events', 'page'] as const) {
      expect(gate(route, {}, { path: `/x?key=${KEY}` }), route).toBeNull();
      expect(gate(route, { 'x-cutline-key': KEY }), route).toBeNull();
      expect(gate(route, {}), route).toMatchObject({ status: 403 });
    }
    expect(gate('asset', {})).toBeNull();
  });

  it('takes same-origin and none (a typed address), never same-site or cross-site', () => {
    expect(gate('page', { 'sec-fetch-site': 'none' }, { path: `/?key=${KEY}` })).toBeNull();
    expect(call({ 'sec-fetch-site': 'same-origin' })).toBeNull();
    for (const site of ['same-site', 'cross-site', 'weird']) {
      expect(call({ 'sec-fetch-site': site }), site).toMatchObject({ status: 403 });
    }
  });

  it('holds localhost and 127.0.0.1 apart, and the port too', () => {
    expect(call({ host: `localhost:${PORT}`, origin: `http://localhost:${PORT}` })).toBeNull();
    expect(call({ host: `localhost:${PORT}`, origin: `http://127.0.0.1:${PORT}` })).toMatchObject({
      status: 403,
    });
    expect(call({ origin: `http://127.0.0.1:${PORT + 1}` })).toMatchObject({ status: 403 });
    expect(call({ host: `127.0.0.1:${PORT + 1}` })).toMatchObject({ status: 403 });
    expect(call({ host: '127.0.0.1' })).toMatchObject({ status: 403 });
  });

  it('answers no preflight, from any origin', () => {
    expect(
      gate('api', { origin: `http://127.0.0.1:${PORT}` }, { method: 'OPTIONS' }),
    ).toMatchObject({ status: 405 });
  });
});
