import { startBridge } from '../../bridge/bridge-server';
import { resolveCatalogPath } from '../../main/services/catalog-location';
import { startServices } from '../../main/services/cutline-services';
import { CutlineError } from '../../shared/result';
import { parseCommandArgs } from '../cli-options';

/** How long a closed `serve` waits for leftover handles before it ends itself. */
const QUIT_GRACE_MS = 5000;

/** `cutline serve [--port N] [--db FILE]`: the real UI in a browser, on loopback only. */
export async function runServe(args: string[]): Promise<number> {
  const { values } = parseCommandArgs(args, {
    port: { type: 'string', default: '5174' },
    renderer: { type: 'string' },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new CutlineError('invalid-input', `--port must be a port number, not "${values.port}".`);
  }
  const services = startServices(resolveCatalogPath(values.db), { syncDesk: true });
  services.watcher.resumeAll();
  services.importer.warmUp();
  services.writer.warmUp();
  // A write batch cut short by a crash or a quit finishes now.
  services.writer.resume();
  // Thumbnails left by `cutline import --thumbnails=later` (usually none).
  services.thumbnails.renderMissingInBackground();
  const bridge = await startBridge(services, { port, rendererDir: values.renderer });
  process.stdout.write(`Cutline is serving ${services.db.name} at ${bridge.url}\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await bridge.close();
  await services.close();
  // Everything is closed and written (writer.close waited for any write): if a handle still
  // holds the process after that (a socket, a worker), a server told to quit is not kept.
  setTimeout(() => {
    process.stderr.write(
      'cutline: serve closed; a leftover handle held the process, so it was ended\n',
    );
    process.exit(0);
  }, QUIT_GRACE_MS).unref();
  return 0;
}
