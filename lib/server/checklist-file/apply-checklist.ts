import "server-only";
import crypto from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import {
  computeChecklistPlan, computePlannedScore, parseChecklistText,
  type ChecklistFormat, type ChecklistPlan, type PlannedScore, type TChecklistFile,
} from "@/lib/domain/checklist-file";
import { writeAudit } from "../audit";
import { getDb } from "../db";
import { ForbiddenError, InvalidInputError, PayloadTooLargeError } from "../errors";
import { actorOf, type Principal, type ProjectAccess } from "../principal";
import { todayUtc } from "../readiness/load-readiness-input";
import { roleAtLeast } from "../roles";
import { loadChecklistState } from "./load-state";
import { writeChecklistPlan } from "./write-plan";

type Tx = Prisma.TransactionClient;

export interface ApplyResult {
  applied: boolean;
  dryRun: boolean;
  sha256: string;
  plan: ChecklistPlan;
  score: PlannedScore;
}

/** Parses a file; bad input is 422 with line/column or path, too large 413. */
export function parseChecklistOrThrow(text: string, format: ChecklistFormat): TChecklistFile {
  const r = parseChecklistText(text, format);
  if (r.ok) return r.file;
  if (r.error.kind === "too-large") throw new PayloadTooLargeError(r.error.message);
  throw new InvalidInputError(r.error.message, { kind: r.error.kind, issues: r.error.issues });
}

/** One apply per project at a time: a transaction-scoped advisory lock on the project. */
async function lockProjectChecklist(tx: Tx, projectId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('launchgate:checklist-apply'), hashtext(${projectId}))`;
}

/**
 * Plans (and unless `dryRun`, writes) a file against a project inside `tx`, under the project's
 * checklist lock. Writes one audit entry with the file's SHA-256 and the counts when it changed
 * something.
 */
export async function applyChecklistInTx(
  tx: Tx,
  input: { projectId: string; principal: Principal; file: TChecklistFile; sha256: string; prune: boolean; dryRun: boolean; requestId?: string; asOf?: string },
): Promise<ApplyResult> {
  await lockProjectChecklist(tx, input.projectId);
  const loaded = await loadChecklistState(tx, input.projectId);
  const r = computeChecklistPlan(loaded.state, input.file, { prune: input.prune });
  if (!r.ok) {
    const first = r.issues[0];
    throw new InvalidInputError(`${first.path}: ${first.message}${r.issues.length > 1 ? ` (and ${r.issues.length - 1} more)` : ""}`, { kind: "conflict", issues: r.issues });
  }
  const score = computePlannedScore(loaded.scoreCategories, loaded.scoreItems, r.writes, input.asOf ?? todayUtc());
  const w = r.writes;
  const changes = w.createItems.length + w.updateItems.length + w.retireItems.length + w.categories.create.length + w.categories.update.length > 0;
  if (input.dryRun || !changes) return { applied: false, dryRun: input.dryRun, sha256: input.sha256, plan: r.plan, score };
  const actor = actorOf(input.principal);
  await writeChecklistPlan(tx, input.projectId, r.writes, { actorId: actor.actorId, actorName: actor.actorName });
  await writeAudit(tx, {
    principal: input.principal, projectId: input.projectId, action: "checklist.apply", entity: "Project", entityId: input.projectId, requestId: input.requestId,
    after: {
      sha256: input.sha256, prune: input.prune,
      counts: {
        created: r.writes.createItems.length, updated: r.writes.updateItems.length, retired: r.writes.retireItems.length, unchanged: r.plan.unchanged,
        restored: r.writes.updateItems.filter((u) => u.restoreStatus).length, categoriesCreated: r.writes.categories.create.length, categoriesUpdated: r.writes.categories.update.length,
      },
      score,
    },
  });
  return { applied: true, dryRun: false, sha256: input.sha256, plan: r.plan, score };
}

/** A lead applies a checklist file (YAML or JSON) to the project; `dryRun` only plans. */
export async function applyChecklist(
  access: ProjectAccess,
  input: { text: string; format: ChecklistFormat; dryRun: boolean; prune: boolean },
  requestId?: string,
): Promise<ApplyResult> {
  if (!roleAtLeast(access.role, "LEAD")) throw new ForbiddenError("Only leads may apply a checklist file");
  const file = parseChecklistOrThrow(input.text, input.format);
  const sha256 = crypto.createHash("sha256").update(input.text).digest("hex");
  return getDb().$transaction(
    (tx) => applyChecklistInTx(tx, { projectId: access.project.id, principal: access.principal, file, sha256, prune: input.prune, dryRun: input.dryRun, requestId }),
    { timeout: 120_000, maxWait: 10_000 },
  );
}
