import "server-only";
import { z } from "zod";
import { computeFastestPaths, type FastestPaths } from "@/lib/domain/paths/compute-paths";
import { computeWhatIf, type WhatIfResult } from "@/lib/domain/paths/compute-what-if";
import { getDb } from "../db";
import { getReadiness } from "../readiness/get-readiness";
import { loadReadinessInput } from "../readiness/load-readiness-input";
import { getReadinessFingerprintCached } from "../readiness/readiness-fingerprint";

type ProjectRef = { id: string; slug: string; name: string };

/** Paths by (project, asOf, data fingerprint): unchanged data is not recomputed. */
const g = globalThis as unknown as { launchgatePathsCache?: Map<string, FastestPaths> };
const memo = (g.launchgatePathsCache ??= new Map());

async function ownersOf(projectId: string): Promise<Record<string, string | null>> {
  const rows = await getDb().checklistItem.findMany({ where: { projectId, priority: "P1" }, select: { id: true, owner: true } });
  return Object.fromEntries(rows.map((r) => [r.id, r.owner]));
}

/** The fastest paths to GO and CONDITIONAL GO as of a day (see computeFastestPaths). */
export async function getFastestPaths(project: ProjectRef, asOf: string): Promise<FastestPaths & { asOf: string }> {
  const key = `${project.id}|${asOf}|${await getReadinessFingerprintCached(project.id)}`;
  let paths = memo.get(key);
  if (!paths) {
    const [input, readiness, owners] = await Promise.all([loadReadinessInput(project.id, asOf), getReadiness(project, asOf), ownersOf(project.id)]);
    paths = computeFastestPaths(input, readiness, owners);
    memo.set(key, paths);
    while (memo.size > 64) memo.delete(memo.keys().next().value!);
  }
  return { asOf, ...paths };
}

export const ZWhatIf = z.object({
  itemIds: z.array(z.string().min(1).max(100)).max(5000).default([]),
  gates: z.array(z.enum(["open-p1", "capacity", "anomaly", "stability", "objectives"])).max(5).default([]),
}).strict();
export type TWhatIf = z.infer<typeof ZWhatIf>;

/** Readiness with items assumed done and gates assumed passing, computed and never stored. */
export async function computeWhatIfFor(project: ProjectRef, asOf: string, body: TWhatIf): Promise<WhatIfResult & { asOf: string }> {
  const input = await loadReadinessInput(project.id, asOf);
  return { asOf, ...computeWhatIf(input, { doneItemIds: body.itemIds, passedGates: body.gates }) };
}
