import { ZONES, zoneRank, type MeasuredLevel } from "./collect-capacity-levels";
import type { Zone } from "./types";

export interface ZoneBand {
  zone: Zone;
  fromUsers: number;
  /** Exclusive upper bound; null for the last band. */
  toUsers: number | null;
}

/**
 * Zone bands over the user axis (DESIGN "Capacity zones"). Below the first level
 * its zone holds from 0. Between two measured levels L1 < L2 with zones z1 < z2, z1
 * holds up to the midpoint, then min(z1 + 1, z2) up to L2, then z2. When the zone
 * improves (z1 > z2, itself an oddity) the midpoint rule applies without the
 * intermediate step: z1 up to the midpoint, then z2. Contiguous bands of the same
 * zone are merged; the last band is open-ended.
 */
export function computeZoneBands(levels: readonly Pick<MeasuredLevel, "users" | "zone">[]): ZoneBand[] {
  if (levels.length === 0) return [];
  const bands: ZoneBand[] = [];
  const push = (zone: Zone, fromUsers: number, toUsers: number | null) => {
    if (toUsers !== null && toUsers <= fromUsers) return;
    const last = bands[bands.length - 1];
    if (last && last.zone === zone) last.toUsers = toUsers;
    else bands.push({ zone, fromUsers, toUsers });
  };
  push(levels[0].zone, 0, levels[0].users);
  for (let i = 0; i + 1 < levels.length; i += 1) {
    const low = levels[i];
    const high = levels[i + 1];
    const z1 = zoneRank(low.zone);
    const z2 = zoneRank(high.zone);
    if (z1 === z2) {
      push(low.zone, low.users, high.users);
      continue;
    }
    const midpoint = (low.users + high.users) / 2;
    push(low.zone, low.users, midpoint);
    push(z1 < z2 ? ZONES[Math.min(z1 + 1, z2)] : high.zone, midpoint, high.users);
  }
  const last = levels[levels.length - 1];
  push(last.zone, last.users, null);
  return bands;
}
