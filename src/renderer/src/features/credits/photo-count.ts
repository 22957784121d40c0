/** "1 photo", "2,000 photos": counts as the credit panels say them. */
export function photoCount(count: number): string {
  return `${count.toLocaleString()} ${count === 1 ? 'photo' : 'photos'}`;
}
