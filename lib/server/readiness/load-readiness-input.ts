import "server-only";
import type { ReadinessInput } from "@/lib/domain";
import { readinessInputAsOf } from "@/lib/domain/history/readiness-input-as-of";
import { loadProjectTimeline } from "../history/load-project-timeline";

export function toDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function todayUtc(): string {
  return toDay(new Date());
}

/**
 * Everything a readiness computation needs, as the project was at the end of `asOf` (UTC): the
 * project's timeline in a fixed number of queries (no query per item or per run), replayed to
 * that day by the pure domain. For today this is the live state.
 */
export async function loadReadinessInput(projectId: string, asOf: string): Promise<ReadinessInput> {
  return readinessInputAsOf(await loadProjectTimeline(projectId, { from: asOf, to: asOf }), asOf);
}
