/**
 * Desk members' catalogs for the fault tests (desk-faults, desk-restart): each member's
 * catalog in one folder, prepared (the shared volume imported, the desk joined, its photos
 * published) before it runs as a process of its own, and read afterwards.
 */
import { join } from 'node:path';
import { PhotosRepo } from '../../src/main/catalog/photos-repo';
import { type CutlineServices, startServices } from '../../src/main/services/cutline-services';
import { updateSettings } from '../../src/main/services/settings';
import type { DeskState } from '../../src/shared/desk';
import type { CaptionField, FieldValue } from '../../src/shared/model';
import { callApi, type RunningCutline } from '../e2e/cutline-server';
import { createExifTool, makeJpeg, wireTags } from './make-photos';

/** Real JPEGs of the shoot in `volume`, each of its own colour, with a wire caption and credit. */
export async function makeShoot(volume: string, shoot: readonly string[]): Promise<void> {
  const exiftool = createExifTool();
  try {
    for (const [i, rel] of shoot.entries()) {
      await makeJpeg(exiftool, join(volume, ...rel.split('/')), {
        width: 320,
        height: 200,
        colour: [50 + i * 40, 100, 150],
        tags: wireTags({ caption: `Wire caption ${i + 1}.`, credit: 'Pool' }),
      });
    }
  } finally {
    await exiftool.end();
  }
}

export class DeskCatalogs {
  /**
   * @param folder where the catalogs are
   * @param volume the shared folder every member imports
   * @param shoot the photos' paths under the volume ('/' between folders)
   */
  constructor(
    private readonly folder: string,
    private readonly volume: string,
    private readonly shoot: readonly string[],
  ) {}

  catalogOf(name: string): string {
    return join(this.folder, `${name}.sqlite`);
  }

  /** A member's catalog: the volume imported, the desk joined, its photos published. */
  async prepare(name: string, deskUrl: string): Promise<void> {
    const services = startServices(this.catalogOf(name), { workers: 0 });
    try {
      updateSettings(services.db, { userName: name });
      await (await services.importer.start([this.volume])).done;
      await services.desk.join(deskUrl, name, this.volume);
      await services.desk.syncOnce();
    } finally {
      await services.close();
    }
  }

  /** Opens a member's catalog for a moment (no sync) and gives `read` its services. */
  async read<T>(name: string, read: (services: CutlineServices) => T): Promise<T> {
    const services = startServices(this.catalogOf(name), { workers: 0 });
    try {
      return read(services);
    } finally {
      await services.close();
    }
  }

  /** The member's photo ids of the shoot, in its order. */
  photoIds(services: CutlineServices): number[] {
    const photos = new PhotosRepo(services.db);
    return this.shoot.map(
      (rel) => photos.findByPath(join(this.volume, ...rel.split('/')))?.id as number,
    );
  }

  /** The ids of the shoot's photos among a page of `photos:search` items, in its order. */
  idsAmong(items: readonly { id: number; path: string }[]): number[] {
    const byPath = new Map(items.map((item) => [item.path, item.id]));
    return this.shoot.map((rel) => byPath.get(join(this.volume, ...rel.split('/'))) as number);
  }
}

/** The values `who` gave one field of one photo, oldest first, as this catalog recorded them. */
export function valuesFrom(
  services: CutlineServices,
  photoId: number,
  field: CaptionField,
  who: string,
): FieldValue[] {
  return services.editor
    .history(photoId, 100_000)
    .filter((entry) => entry.field === field && entry.who === who && entry.kind === 'edit')
    .reverse()
    .map((entry) => entry.newValue);
}

/** Waits until `check` holds, up to `ms`. */
export async function until(
  check: () => Promise<boolean>,
  ms: number,
  what: string,
): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > ms) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Waits until every running member (`cutline serve`) has an empty queue and has read the
 * desk to `lastSeq()`, its last accepted sequence: sync went on by itself.
 */
export function untilInStep(
  running: ReadonlyMap<string, RunningCutline>,
  lastSeq: () => Promise<number>,
  what: string,
): Promise<void> {
  return until(
    async () => {
      const last = await lastSeq();
      for (const cutline of running.values()) {
        const state = await callApi<DeskState>(cutline.url, 'desk:state');
        if (!state.online || state.queue > 0 || state.lastSeq !== last) return false;
      }
      return true;
    },
    120_000,
    what,
  );
}

/** Stops every running member (the map is emptied first: their exits are expected). */
export async function stopAll(running: Map<string, RunningCutline>): Promise<void> {
  const stopping = [...running.values()];
  running.clear();
  await Promise.all(stopping.map((cutline) => cutline.stop()));
}
