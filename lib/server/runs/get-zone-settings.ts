import "server-only";
import { cache } from "react";
import type { ZoneThresholds } from "@/lib/domain";
import { getDb } from "../db";
import { NotFoundError } from "../errors";

export interface ZoneSettings {
  thresholds: ZoneThresholds;
  expectedProductionUsers: number;
  requiredHeadroom: number;
  /** headroom × expected production users: the load the capacity gate asks for. */
  requiredUsers: number;
}

/** The zone thresholds and required load of a project, for the capacity and run pages. */
export const getZoneSettings = cache(async (projectId: string): Promise<ZoneSettings> => {
  const p = await getDb().project.findUnique({
    where: { id: projectId },
    select: {
      expectedProductionUsers: true, requiredHeadroom: true, greenP95Ms: true, greenErrorRatePercent: true,
      yellowP95Ms: true, yellowErrorRatePercent: true, redP95Ms: true, redErrorRatePercent: true,
    },
  });
  if (!p) throw new NotFoundError("No such project");
  return {
    thresholds: {
      green: { p95Ms: p.greenP95Ms, errorRatePercent: p.greenErrorRatePercent },
      yellow: { p95Ms: p.yellowP95Ms, errorRatePercent: p.yellowErrorRatePercent },
      red: { p95Ms: p.redP95Ms, errorRatePercent: p.redErrorRatePercent },
    },
    expectedProductionUsers: p.expectedProductionUsers,
    requiredHeadroom: p.requiredHeadroom,
    requiredUsers: Math.ceil(p.requiredHeadroom * p.expectedProductionUsers),
  };
});
