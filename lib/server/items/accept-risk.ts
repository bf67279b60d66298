import "server-only";
import { actorOf, type ProjectAccess } from "../principal";
import { writeAudit } from "../audit";
import { getDb } from "../db";
import { ForbiddenError, InvalidInputError, NotFoundError } from "../errors";
import { roleAtLeast } from "../roles";

const GATES = new Set(["open-p1", "capacity", "anomaly", "stability", "objectives"]);

function requireLead(access: ProjectAccess): void {
  if (!roleAtLeast(access.role, "LEAD")) throw new ForbiddenError("Only leads may accept risks");
}

function checkExpiry(expiresOn: string, today: string): Date {
  if (expiresOn < today) throw new InvalidInputError("expiresOn must be today or later");
  return new Date(`${expiresOn}T00:00:00Z`);
}

/** A lead accepts an open P1 item as a risk (mitigation + expiry); it replaces an earlier acceptance. */
export async function acceptItemRisk(access: ProjectAccess, itemId: string, input: { mitigation: string; expiresOn: string }, today: string, requestId?: string) {
  requireLead(access);
  const expires = checkExpiry(input.expiresOn, today);
  return getDb().$transaction(async (tx) => {
    const item = await tx.checklistItem.findFirst({ where: { id: itemId, projectId: access.project.id }, select: { id: true, priority: true, status: true } });
    if (!item) throw new NotFoundError("No such item in this project");
    if (item.priority !== "P1" || item.status === "DONE" || item.status === "NOT_APPLICABLE") {
      throw new InvalidInputError("Only an open P1 item can be accepted as a risk");
    }
    const now = new Date();
    await tx.riskAcceptance.updateMany({ where: { itemId, revokedAt: null }, data: { revokedAt: now } });
    const actor = actorOf(access.principal);
    const ra = await tx.riskAcceptance.create({
      data: { projectId: access.project.id, itemId, mitigation: input.mitigation, expiresOn: expires, acceptedById: actor.actorId, acceptedByName: actor.actorName },
    });
    await tx.itemEvent.create({ data: { projectId: access.project.id, itemId, actorId: actor.actorId, actorName: actor.actorName, field: "riskAcceptance", toValue: `until ${input.expiresOn}` } });
    await writeAudit(tx, { principal: access.principal, projectId: access.project.id, action: "risk.accept", entity: "RiskAcceptance", entityId: ra.id, after: { itemId, ...input }, requestId });
    return { id: ra.id, itemId, mitigation: ra.mitigation, expiresOn: input.expiresOn };
  });
}

/** A lead accepts the risk of a failing gate (e.g. degraded performance at 200+ users). */
export async function acceptGateRisk(access: ProjectAccess, gateId: string, input: { mitigation: string; expiresOn: string }, today: string, requestId?: string) {
  requireLead(access);
  if (!GATES.has(gateId)) throw new InvalidInputError(`Unknown gate '${gateId}'`);
  if (gateId === "open-p1") throw new InvalidInputError("Accept open P1 items one by one, not the whole gate");
  const expires = checkExpiry(input.expiresOn, today);
  return getDb().$transaction(async (tx) => {
    await tx.riskAcceptance.updateMany({ where: { projectId: access.project.id, gateId, revokedAt: null }, data: { revokedAt: new Date() } });
    const actor = actorOf(access.principal);
    const ra = await tx.riskAcceptance.create({
      data: { projectId: access.project.id, gateId, mitigation: input.mitigation, expiresOn: expires, acceptedById: actor.actorId, acceptedByName: actor.actorName },
    });
    await writeAudit(tx, { principal: access.principal, projectId: access.project.id, action: "risk.accept-gate", entity: "RiskAcceptance", entityId: ra.id, after: { gateId, ...input }, requestId });
    return { id: ra.id, gateId, mitigation: ra.mitigation, expiresOn: input.expiresOn };
  });
}

/** A lead withdraws an acceptance: the item or gate blocks again. */
export async function revokeRisk(access: ProjectAccess, acceptanceId: string, requestId?: string): Promise<void> {
  requireLead(access);
  await getDb().$transaction(async (tx) => {
    const res = await tx.riskAcceptance.updateMany({ where: { id: acceptanceId, projectId: access.project.id, revokedAt: null }, data: { revokedAt: new Date() } });
    if (res.count !== 1) throw new NotFoundError("No such active risk acceptance");
    await writeAudit(tx, { principal: access.principal, projectId: access.project.id, action: "risk.revoke", entity: "RiskAcceptance", entityId: acceptanceId, requestId });
  });
}
