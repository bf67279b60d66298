import "server-only";
import { createFingerprintMemo } from "../fingerprint-memo";
import { getReadinessFingerprintCached } from "../readiness/readiness-fingerprint";
import { getOverviewPanels } from "./get-history";

type Panels = Awaited<ReturnType<typeof getOverviewPanels>>;
type RawRange = { from?: string | null; to?: string | null };

const panels = createFingerprintMemo<Panels>("overview-panels", 32);

/**
 * What the overview's history and "What changed" panels read: the readiness data and the signed
 * decisions (markers, the default range), both moving the readiness fingerprint (the audited weight
 * and objective changes and deleted items move it too). Asked once per request, shared with the
 * page's readiness.
 */
const panelsFingerprint = getReadinessFingerprintCached;

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
