import "server-only";
import { computeBurndown, type ProjectionResult } from "@/lib/domain";
import { buildBurndownChart, type BurndownChart } from "@/lib/domain/view/burndown-chart";
import type { BlockersQuery } from "@/lib/domain/view/blockers-query";
import { createFingerprintMemo } from "../fingerprint-memo";
import { getReadiness, type ReadinessReport } from "../readiness/get-readiness";
import { loadReadinessInput } from "../readiness/load-readiness-input";
import { getReadinessFingerprintCached } from "../readiness/readiness-fingerprint";
import { listBlockers, type BlockersList } from "./list-blockers";

type ProjectRef = { id: string; slug: string; name: string };

export interface BlockersPageData {
  readiness: ReadinessReport;
  blockers: BlockersList;
  chart: BurndownChart;
  settings: { teamHoursPerDay: number; workingDays: string[]; targetLaunchDate: string | null };
}

type Burndown = { chart: BurndownChart; settings: BlockersPageData["settings"] };
const burndowns = createFingerprintMemo<Burndown>("burndown", 32);

/** The readiness data fingerprint, once per request. */
const fingerprintOf = getReadinessFingerprintCached;

/**
 * The burndown chart as of a day, remembered by the readiness data fingerprint: it replays every
 * item event, so only a change to the data (or another day) computes it again.
 */
export async function getBurndownChart(projectId: string, asOf: string, projection: ProjectionResult): Promise<Burndown> {
  const key = `${projectId}|${asOf}|${await fingerprintOf(projectId)}`;
  const hit = burndowns.get(key);
  if (hit) return hit;
  const input = await loadReadinessInput(projectId, asOf);
  const burndown = computeBurndown({ settings: input.settings, items: input.items, events: input.events, asOf, projection });
  const conditional = projection.conditional;
  const value: Burndown = {
    chart: buildBurndownChart(burndown, { conditional: conditional ? { date: conditional.date, fromHours: conditional.remainingHours } : null }),
    settings: { teamHoursPerDay: input.settings.teamHoursPerDay, workingDays: input.settings.workingDays, targetLaunchDate: input.settings.targetLaunchDate },
  };
  burndowns.set(key, value);
  return value;
}

/** For tests and benchmarks: forget every remembered burndown. */
export function clearBurndownCache(): void {
  burndowns.clear();
}

/**
 * Everything the blockers page shows: the readiness (cached by fingerprint), the burndown
 * (remembered by the same fingerprint) and one page of blockers with their totals from the database.
 */
export async function getBlockersPage(project: ProjectRef, asOf: string, query: BlockersQuery): Promise<BlockersPageData> {
  const readiness = await getReadiness(project, asOf);
  const expired = new Map(readiness.stale.map((s) => [s.itemId, s.expiredOn]));
  const [{ chart, settings }, blockers] = await Promise.all([
    getBurndownChart(project.id, asOf, readiness.projection),
    listBlockers(project.id, asOf, expired, query),
  ]);
  return { readiness, blockers, chart, settings };
}
