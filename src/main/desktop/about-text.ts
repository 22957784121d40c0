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
  ].join('\n');
}
