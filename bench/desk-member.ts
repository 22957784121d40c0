/**
 * One desk member for `npm run bench:desk` (bench/desk-bench.ts starts N of them): its own
 * catalog and its own desk-sync loop, as `cutline serve` runs them, told what to do over the
 * child-process channel. Every edit it makes carries who made it, a number and the time it
 * was made (`Anna|17|1733230000000`), so the members that take it in measure how long it
 * took to reach them, and count what they received.
 */
import { PhotosRepo } from '../src/main/catalog/photos-repo';
import { startServices } from '../src/main/services/cutline-services';
import { updateSettings } from '../src/main/services/settings';
import type { CaptionField } from '../src/shared/model';

/** What the bench asks of a member. */
export type MemberRequest =
  | { do: 'join'; catalog: string; name: string; root: string; deskUrl: string; workers: number }
  | { do: 'import' }
  | { do: 'count' }
  | {
      do: 'edit';
      field: CaptionField;
      perSecond: number;
      count: number;
      part: number;
      parts: number;
    }
  | { do: 'burst'; field: CaptionField; count: number; part: number; parts: number }
  | { do: 'provoke'; field: CaptionField; photo: number; tag: string }
  | { do: 'pause' }
  | { do: 'resume' }
  | { do: 'state' }
  | { do: 'values'; fields: CaptionField[] }
  | { do: 'received' }
  | { do: 'close' };

const send = (value: unknown) => process.send?.(value);

let services: ReturnType<typeof startServices> | null = null;
let name = '';
let root = '';
let seq = 0;
/** Latencies (ms) of the others' edits as they arrived, and which edits arrived. */
const latencies: number[] = [];
const received = new Set<string>();
/** The last history row seen of each photo. */
const seenUpTo = new Map<number, number>();

function live() {
  if (!services) throw new Error('the member has not joined yet');
  return services;
}

/** The catalog's photos under the shared root, in the order of their paths (alike on all members). */
function photoIds(): number[] {
  const photos = new PhotosRepo(live().db);
  return photos
    .listUnder(root)
    .sort((a, b) => (a.path < b.path ? -1 : 1))
    .map((p) => p.id);
}

/** The others' edits among the photos' new history rows: counted, and timed from their stamp. */
function taken(ids: number[]): void {
  const now = Date.now();
  for (const id of ids) {
    const from = seenUpTo.get(id) ?? 0;
    let top = from;
    for (const entry of live().editor.history(id, 200)) {
      if (entry.id <= from) break;
      top = Math.max(top, entry.id);
      const stamp = typeof entry.newValue === 'string' ? entry.newValue.split('|') : [];
      if (stamp.length !== 3 || stamp[0] === name) continue;
      const key = `${stamp[0]}|${stamp[1]}`;
      if (received.has(key)) continue;
      received.add(key);
      latencies.push(now - Number(stamp[2]));
    }
    seenUpTo.set(id, top);
  }
}

function stamp(): string {
  seq++;
  return `${name}|${seq}|${Date.now()}`;
}

/** This member's share of the photos: every `parts`-th, from `part` (no two members share one). */
const share = (part: number, parts: number) => photoIds().filter((_, i) => i % parts === part);

async function handle(request: MemberRequest): Promise<unknown> {
  switch (request.do) {
    case 'join': {
      name = request.name;
      root = request.root;
      services = startServices(request.catalog, { workers: request.workers });
      updateSettings(services.db, { userName: name });
      await services.desk.join(request.deskUrl, name, root);
      services.events.subscribe((event, payload) => {
        if (event === 'photos:changed') taken((payload as { ids: number[] }).ids);
      });
      services.desk.start();
      return { joined: true };
    }
    case 'import': {
      const started = performance.now();
      await (await live().importer.start([root])).done;
      return { ms: performance.now() - started };
    }
    case 'count':
      return { photos: photoIds().length };
    case 'edit': {
      // A steady rate: each edit at its own time, not in bursts.
      const ids = share(request.part, request.parts);
      const gap = 1000 / request.perSecond;
      const started = performance.now();
      for (let i = 0; i < request.count; i++) {
        const wait = started + i * gap - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        const id = ids[i % ids.length] as number;
        live().editor.setFields([id], { [request.field]: stamp() });
      }
      return { made: request.count };
    }
    case 'burst': {
      const ids = share(request.part, request.parts);
      for (let i = 0; i < request.count; i++) {
        live().editor.setFields([ids[i % ids.length] as number], { [request.field]: stamp() });
      }
      return { made: request.count };
    }
    case 'provoke': {
      const id = photoIds()[request.photo] as number;
      live().editor.setFields([id], { [request.field]: `${request.tag} by ${name}` });
      return { made: 1 };
    }
    case 'pause':
      live().desk.stop();
      return { paused: true };
    case 'resume':
      live().desk.start();
      return { resumed: true };
    case 'state':
      return live().desk.state();
    case 'values': {
      // Each photo's fields by its path under the root, comparable between members.
      const values: Record<string, unknown> = {};
      for (const record of new PhotosRepo(live().db).records(photoIds()).values()) {
        for (const field of request.fields) {
          values[`${record.path.slice(root.length)}:${field}`] = record[field];
        }
      }
      return values;
    }
    case 'received':
      return { latencies, received: received.size };
    case 'close':
      await live().close();
      setImmediate(() => process.exit(0));
      return { closed: true };
  }
}

process.on('message', (message: { id: number; request: MemberRequest }) => {
  handle(message.request).then(
    (value) => send({ id: message.id, ok: true, value }),
    (error: unknown) =>
      send({
        id: message.id,
        ok: false,
        error: error instanceof Error ? error.message : String(error),
      }),
  );
});
send({ id: 0, ok: true, value: 'started' });
