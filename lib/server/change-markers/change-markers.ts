import "server-only";
import { cache } from "react";
import { writeAudit } from "../audit";
import { getDb } from "../db";
import { ForbiddenError, InvalidInputError } from "../errors";
import { actorOf, type ProjectAccess } from "../principal";
import { roleAtLeast } from "../roles";
import type { TChangeMarkerCreate } from "./schemas";

export interface ChangeMarkerDto {
  id: string;
  label: string;
  kind: "deploy" | "config";
  version: string | null;
  /** ISO instant of the change. */
  at: string;
  createdBy: string | null;
  createdAt: string;
}

const SELECT = { id: true, label: true, kind: true, version: true, at: true, createdByName: true, createdAt: true } as const;

type Row = { id: string; label: string; kind: string; version: string | null; at: Date; createdByName: string | null; createdAt: Date };

function toDto(r: Row): ChangeMarkerDto {
  return {
    id: r.id, label: r.label, kind: r.kind === "config" ? "config" : "deploy", version: r.version,
    at: r.at.toISOString(), createdBy: r.createdByName, createdAt: r.createdAt.toISOString(),
  };
}

/** A change may be recorded up to this far ahead of the server clock (clock skew), not later. */
const FUTURE_SLACK_MS = 5 * 60_000;

/** An engineer records a deploy or config change (defaults: kind deploy, now). */
export async function createChangeMarker(access: ProjectAccess, input: TChangeMarkerCreate, requestId?: string): Promise<ChangeMarkerDto> {
  if (!roleAtLeast(access.role, "ENGINEER")) throw new ForbiddenError("Viewers cannot record changes");
  const at = input.at ?? new Date();
  if (at.getTime() > Date.now() + FUTURE_SLACK_MS) {
    throw new InvalidInputError(`at ${at.toISOString()} is in the future: record a change once it has happened`);
  }
  if (at.getUTCFullYear() < 2000) throw new InvalidInputError("at must be in the year 2000 or later");
  const actor = actorOf(access.principal);
  return getDb().$transaction(async (tx) => {
    const row = await tx.changeMarker.create({
      data: {
        projectId: access.project.id, label: input.label, kind: input.kind, version: input.version, at,
        createdById: actor.actorId, createdByName: actor.actorName,
      },
      select: SELECT,
    });
    const dto = toDto(row);
    await writeAudit(tx, { principal: access.principal, projectId: access.project.id, action: "change-marker.create", entity: "ChangeMarker", entityId: row.id, after: dto, requestId });
    return dto;
  });
}

/** The project's change markers, oldest first. */
export const listChangeMarkers = cache(async (projectId: string): Promise<ChangeMarkerDto[]> => {
  const rows = await getDb().changeMarker.findMany({ where: { projectId }, select: SELECT, orderBy: [{ at: "asc" }, { id: "asc" }] });
  return rows.map(toDto);
});
