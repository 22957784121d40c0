/** How to turn a picture with EXIF orientation n upright with sharp: rotate clockwise, then mirror. */
export interface UprightTurn {
  angle: number;
  flop: boolean;
}

const TURNS: Record<number, UprightTurn> = {
  1: { angle: 0, flop: false },
  2: { angle: 0, flop: true },
  3: { angle: 180, flop: false },
  4: { angle: 180, flop: true },
  5: { angle: 90, flop: true },
  6: { angle: 90, flop: false },
  7: { angle: 270, flop: true },
  8: { angle: 270, flop: false },
};

/** The turn for an EXIF orientation; an unknown or missing one is taken as upright (1). */
export function uprightTurn(orientation: number | null | undefined): UprightTurn {
  return TURNS[orientation ?? 1] ?? { angle: 0, flop: false };
}
