import "server-only";
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { actorOf, type ProjectAccess } from "../principal";
import { writeAudit } from "../audit";
import { getDb } from "../db";
import { ForbiddenError, InvalidInputError } from "../errors";
import { getReadiness } from "../readiness/get-readiness";
import { roleAtLeast } from "../roles";
import { enqueueWebhookEvent } from "../webhooks/enqueue";

export const ZDecisionCreate = z
  .object({
    comment: z.string().trim().min(3, "add a comment on the decision").max(5000),
    verdict: z.enum(["GO", "CONDITIONAL_GO", "NO_GO"]).optional(),
    asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "asOf must be YYYY-MM-DD").optional(),
  })
  .strict();
export type TDecisionCreate = z.infer<typeof ZDecisionCreate>;

export interface DecisionDto {
  id: string;
  verdict: "GO" | "CONDITIONAL_GO" | "NO_GO";
  computedVerdict: string | null;
  comment: string;
  asOf: string;
  signedBy: string;
  createdAt: string;
}

function toDto(d: { id: string; verdict: DecisionDto["verdict"]; comment: string; asOf: Date; signedByName: string; createdAt: Date; snapshot: Prisma.JsonValue }): DecisionDto {
  const snap = d.snapshot as { verdict?: { value?: string } } | null;
  return {
    id: d.id, verdict: d.verdict, computedVerdict: snap?.verdict?.value ?? null, comment: d.comment,
    asOf: d.asOf.toISOString().slice(0, 10), signedBy: d.signedByName, createdAt: d.createdAt.toISOString(),
  };
}

export async function listDecisions(projectId: string): Promise<DecisionDto[]> {
  const rows = await getDb().decision.findMany({
    where: { projectId },
    select: { id: true, verdict: true, comment: true, asOf: true, signedByName: true, createdAt: true, snapshot: true },
    orderBy: { createdAt: "desc" },
    take: 200,
  });
  return rows.map(toDto);
}

/**
 * A lead signs a decision: the full readiness snapshot of that moment is stored with it and never
 * edited (the database refuses updates). Overriding the computed verdict needs a reason.
 */
export async function signDecision(access: ProjectAccess, input: TDecisionCreate, today: string, requestId?: string): Promise<DecisionDto> {
  if (!roleAtLeast(access.role, "LEAD")) throw new ForbiddenError("Only leads may sign a decision");
  if (access.principal.kind !== "user") throw new ForbiddenError("A decision is signed by a person: sign in instead of using a token");
  const asOf = input.asOf ?? today;
  const snapshot = await getReadiness(access.project, asOf);
  const verdict = input.verdict ?? snapshot.verdict.value;
  if (verdict !== snapshot.verdict.value && input.comment.length < 20) {
    throw new InvalidInputError(`Signing ${verdict} against the computed ${snapshot.verdict.value} needs a comment of at least 20 characters explaining why`);
  }
  const actor = actorOf(access.principal);
  return getDb().$transaction(async (tx) => {
    const d = await tx.decision.create({
      data: {
        projectId: access.project.id, verdict, comment: input.comment, asOf: new Date(`${asOf}T00:00:00Z`),
        snapshot: JSON.parse(JSON.stringify(snapshot)), signedById: actor.actorId, signedByName: actor.actorName,
      },
      select: { id: true, verdict: true, comment: true, asOf: true, signedByName: true, createdAt: true, snapshot: true },
    });
    await enqueueWebhookEvent(tx, access.project.id, "decision.signed", {
      decisionId: d.id, verdict, computedVerdict: snapshot.verdict.value, comment: input.comment, asOf, signedBy: actor.actorName, scorePercent: snapshot.score.overallPercent,
    });
    await writeAudit(tx, { principal: access.principal, projectId: access.project.id, action: "decision.sign", entity: "Decision", entityId: d.id, after: { verdict, comment: input.comment, asOf }, requestId });
    return toDto(d);
  });
}
