/** The built-in house styles by id. */
import type { CreditStyleId } from '../credit';
import { formatAfp } from './afp';
import { formatAp } from './ap';
import { formatComma } from './comma';
import { formatEpa } from './epa';
import { formatGetty } from './getty';
import { formatNewspaper } from './newspaper';
import { formatReuters } from './reuters';
import type { StyleFormatter } from './style-kit';

/** Every built-in style's formatter. */
export const BUILTIN_STYLES: Readonly<Record<CreditStyleId, StyleFormatter>> = {
  ap: formatAp,
  reuters: formatReuters,
  getty: formatGetty,
  afp: formatAfp,
  epa: formatEpa,
  newspaper: formatNewspaper,
  comma: formatComma,
};
