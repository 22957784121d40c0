/**
 * `cutline serve` must quit when told to, even while its page is open: the page's event
 * stream reconnects the moment the bridge ends it (as an EventSource does), on the same
 * keep-alive socket, and a stream held open there kept the server from ever closing (an e2e
 * test that stopped its server with the page still open hung in CI).
 */
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { startBridge } from '../../src/bridge/bridge-server';
import { BRIDGE_KEY_HEADER } from '../../src/shared/bridge-key';
import { setUpServicesShoot } from '../helpers/services-shoot';

const shoot = setUpServicesShoot('bridge-close');

it('closes while the page keeps reconnecting its event stream on a keep-alive socket', async () => {
  const bridge = await startBridge(shoot.services, {
    port: 0,
    rendererDir: join(shoot.root, 'no-renderer'),
  });
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const answers: number[] = [];
  let reconnects = 0;
  const open = (): Promise<void> =>
    new Promise((connected, failed) => {
      const asked = request(
        `${bridge.origin}/api/events`,
        { agent, headers: { [BRIDGE_KEY_HEADER]: bridge.key } },
        (response) => {
          answers.push(response.statusCode ?? 0);
          response.resume();
          // As an EventSource does: the stream ended, ask again at once (a few times).
          response.on('end', () => {
            if (reconnects++ < 3) open().catch(() => undefined);
          });
          connected();
        },
      );
      asked.on('error', failed);
      asked.end();
    });
  await open();
  expect(answers).toEqual([200]);

  const outcome = await Promise.race([
    bridge.close().then(() => 'closed'),
    new Promise((settle) => setTimeout(() => settle('still open after 10 s'), 10_000).unref()),
  ]);
  agent.destroy();
  expect(outcome).toBe('closed');
  // A stream asked for while closing is refused, not held.
  expect(answers.slice(1).every((status) => status !== 200)).toBe(true);
}, 20_000);
