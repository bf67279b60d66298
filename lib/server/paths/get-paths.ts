import "server-only";
import { z } from "zod";
import { computeReadiness } from "@/lib/domain";
import { computeFastestPaths, type FastestPaths } from "@/lib/domain/paths/compute-paths";
import { computeWhatIf, type WhatIfResult } from "@/lib/domain/paths/compute-what-if";
import { getDb } from "../db";
import { loadReadinessInput } from "../readiness/load-readiness-input";

type ProjectRef = { id: string };

async function ownersOf(projectId: string): Promise<Record<string, string | null>> {
  const rows = await getDb().checklistItem.findMany({ where: { projectId, priority: "P1" }, select: { id: true, owner: true } });
  return Object.fromEntries(rows.map((r) => [r.id, r.owner]));
}

/** The fastest paths to GO and CONDITIONAL GO as of a day (see computeFastestPaths). */
export async function getFastestPaths(project: ProjectRef, asOf: string): Promise<FastestPaths & { asOf: string }> {
  const [input, owners] = await Promise.all([loadReadinessInput(project.id, asOf), ownersOf(project.id)]);
  return { asOf, ...computeFastestPaths(input, computeReadiness(input), owners) };
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
