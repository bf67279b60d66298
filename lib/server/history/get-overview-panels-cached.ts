import "server-only";
import { cache } from "react";
import { createFingerprintMemo } from "../fingerprint-memo";
import { getDb } from "../db";
import { getReadinessFingerprintCached } from "../readiness/readiness-fingerprint";
import { getOverviewPanels } from "./get-history";

type Panels = Awaited<ReturnType<typeof getOverviewPanels>>;
type RawRange = { from?: string | null; to?: string | null };

const panels = createFingerprintMemo<Panels>("overview-panels", 32);

/**
 * What the overview's history and "What changed" panels read besides the readiness data: signed
 * decisions (markers, the default range). The readiness fingerprint covers the rest (items,
 * events, acceptances, objectives, categories, runs, markers, settings; the audited weight and
 * objective changes and deleted items move it too).
 */
const panelsFingerprint = cache(async (projectId: string): Promise<string> => {
  const [fp, decisions] = await Promise.all([
    getReadinessFingerprintCached(projectId),
    getDb().$queryRaw<{ d: string }[]>`
      SELECT concat(count(*), ':', extract(epoch FROM max(d."createdAt"))) AS d FROM "Decision" d WHERE d."projectId" = ${projectId}`,
  ]);
  return `${fp}|${decisions[0]?.d ?? ""}`;
});

/**
 * The overview's two panels, remembered by the project's data fingerprint, the day and the asked
 * range: they replay the whole timeline (every item and event), so an unchanged project is not
 * replayed again on every view.
 */
export async function getOverviewPanelsCached(project: { id: string }, asOf: string, raw: RawRange): Promise<Panels> {
  const today = new Date().toISOString().slice(0, 10);
  const key = [project.id, asOf, today, raw.from ?? "", raw.to ?? "", await panelsFingerprint(project.id)].join("|");
  const hit = panels.get(key);
  if (hit) return hit;
  const value = await getOverviewPanels(project, asOf, raw);
  panels.set(key, value);
  return value;
}

/** For tests and benchmarks. */
export function clearOverviewPanelsCache(): void {
  panels.clear();
}
