/**
 * A desk member for tests: its own catalog in `folder`, its user name, joined to the desk at
 * `deskUrl` with `root` as its mount of the desk's folder.
 */
import { join } from 'node:path';
import {
  type CutlineServices,
  type ServiceOptions,
  startServices,
} from '../../src/main/services/cutline-services';
import { updateSettings } from '../../src/main/services/settings';

export interface DeskMember {
  name: string;
  root: string;
  services: CutlineServices;
}

export async function joinedMember(
  folder: string,
  deskUrl: string,
  name: string,
  root: string,
  options: ServiceOptions = {},
): Promise<DeskMember> {
  const services = startServices(join(folder, `${name}.sqlite`), { workers: 0, ...options });
  updateSettings(services.db, { userName: name });
  await services.desk.join(deskUrl, name, root);
  return { name, root, services };
}
