/**
 * What the About box says of the software Cutline includes: the LGPL-3.0 libraries ask for a
 * prominent notice that they are used (§4), the others' licences for their notices to travel
 * with every copy (scripts/third-party-notices.mjs writes them into the installers).
 */
export const THIRD_PARTY_LINE =
  'Cutline includes open-source software, among it libheif-js and libvips (LGPL-3.0), each under its own licence: Help ▸ Third-Party Notices.';

/** The About box's text: what is running, so a bug report can say it exactly. */
export interface AboutVersions {
  cutline: string;
  electron?: string;
  chrome?: string;
  node: string;
  v8?: string;
  sqlite?: string;
  exiftool?: string;
  catalog: string;
}

export function aboutText(versions: AboutVersions): string {
  const lines: [string, string | undefined][] = [
    ['Cutline', versions.cutline],
    ['Electron', versions.electron],
    ['Chromium', versions.chrome],
    ['Node.js', versions.node],
    ['V8', versions.v8],
    ['SQLite', versions.sqlite],
    ['ExifTool', versions.exiftool],
  ];
  return [
    ...lines.filter(([, value]) => value).map(([name, value]) => `${name} ${value}`),
    '',
    `Catalog: ${versions.catalog}`,
    '',
    THIRD_PARTY_LINE,
  ].join('\n');
}
