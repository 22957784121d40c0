/** Display formatting for the technical facts. */

const number = new Intl.NumberFormat();

/** 12.3 MB, 840 KB, 512 bytes. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${number.format(bytes)} bytes`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/** 6000 × 4000 (24.0 MP), or "" when unknown. */
export function formatDimensions(width: number | null, height: number | null): string {
  if (width === null || height === null) return '';
  return `${number.format(width)} × ${number.format(height)} (${((width * height) / 1e6).toFixed(1)} MP)`;
}

/** 39.01920° N, 125.75470° E, or "" when the photo has no position. */
export function formatGps(latitude: number | null, longitude: number | null): string {
  if (latitude === null || longitude === null) return '';
  const lat = `${Math.abs(latitude).toFixed(5)}° ${latitude >= 0 ? 'N' : 'S'}`;
  const lon = `${Math.abs(longitude).toFixed(5)}° ${longitude >= 0 ? 'E' : 'W'}`;
  return `${lat}, ${lon}`;
}

/** "Canon EOS R5", without repeating the make when the model already holds it. */
export function formatCamera(make: string, model: string): string {
  if (make && model.toLowerCase().startsWith(make.toLowerCase())) return model;
  return [make, model].filter(Boolean).join(' ');
}
