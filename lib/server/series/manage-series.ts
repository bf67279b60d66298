import "server-only";
import { cache } from "react";
import { slugifySeriesName } from "@/lib/domain/series/series-slug";
import type { ProjectAccess } from "../access";
import { writeAudit } from "../audit";
import { getDb } from "../db";
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from "../errors";
import { roleAtLeast } from "../roles";
import type { TSeriesCreate, TSeriesPatch } from "../schemas/series";

export interface SeriesDto {
  slug: string;
  name: string;
  environment: string;
  description: string | null;
  launchEvidence: boolean;
  runCount: number;
  /** Run date of the newest run, `YYYY-MM-DD`; null without runs. */
  latestRunDate: string | null;
  createdAt: string;
}

const SELECT = {
  id: true, slug: true, name: true, environment: true, description: true, launchEvidence: true, createdAt: true,
  _count: { select: { runs: true } },
} as const;

type Row = { slug: string; name: string; environment: string; description: string | null; launchEvidence: boolean; createdAt: Date; _count: { runs: number } };

function toDto(r: Row, latest: Date | null = null): SeriesDto {
  return {
    slug: r.slug, name: r.name, environment: r.environment, description: r.description, launchEvidence: r.launchEvidence,
    runCount: r._count.runs, latestRunDate: latest ? latest.toISOString().slice(0, 10) : null, createdAt: r.createdAt.toISOString(),
  };
}

function requireLead(access: ProjectAccess): void {
  if (!roleAtLeast(access.role, "LEAD")) throw new ForbiddenError("Only leads manage series");
}

/** The project's series: launch evidence first, then by name. */
export const listSeries = cache(async (projectId: string): Promise<SeriesDto[]> => {
  const db = getDb();
  const [rows, latest] = await Promise.all([
    db.loadTestSeries.findMany({ where: { projectId }, select: SELECT, orderBy: [{ launchEvidence: "desc" }, { name: "asc" }] }),
    db.testRun.groupBy({ by: ["seriesId"], where: { projectId }, _max: { runDate: true } }),
  ]);
  const latestBy = new Map(latest.map((l) => [l.seriesId, l._max.runDate]));
  return rows.map((r) => toDto(r, latestBy.get(r.id) ?? null));
});

/** A lead creates a series; the slug is derived from the name when not given. 409 when it exists. */
export async function createSeries(access: ProjectAccess, input: TSeriesCreate, requestId?: string): Promise<SeriesDto> {
  requireLead(access);
  const slug = input.slug ?? slugifySeriesName(input.name);
  if (!slug) throw new InvalidInputError("slug: give one (the name has no letters or digits to derive it from)");
  return getDb().$transaction(async (tx) => {
    const exists = await tx.loadTestSeries.findUnique({ where: { projectId_slug: { projectId: access.project.id, slug } }, select: { name: true } });
    if (exists) throw new ConflictError(`A series with the slug "${slug}" already exists ("${exists.name}")`, { slug });
    const row = await tx.loadTestSeries.create({
      data: { projectId: access.project.id, slug, name: input.name, environment: input.environment, description: input.description ?? null, launchEvidence: input.launchEvidence ?? false },
      select: SELECT,
    });
    const dto = toDto(row);
    await writeAudit(tx, { principal: access.principal, projectId: access.project.id, action: "series.create", entity: "LoadTestSeries", entityId: row.id, after: dto, requestId });
    return dto;
  });
}

/** A lead renames a series, changes its environment or description, or marks it launch evidence (or not). */
export async function updateSeries(access: ProjectAccess, slug: string, patch: TSeriesPatch, requestId?: string): Promise<SeriesDto> {
  requireLead(access);
  return getDb().$transaction(async (tx) => {
    const before = await tx.loadTestSeries.findUnique({ where: { projectId_slug: { projectId: access.project.id, slug } }, select: SELECT });
    if (!before) throw new NotFoundError(`No series "${slug}" in this project`);
    const row = await tx.loadTestSeries.update({
      where: { id: before.id },
      data: {
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.environment !== undefined ? { environment: patch.environment } : {}),
        ...(patch.description !== undefined ? { description: patch.description ?? null } : {}),
        ...(patch.launchEvidence !== undefined ? { launchEvidence: patch.launchEvidence } : {}),
      },
      select: SELECT,
    });
    const dto = toDto(row);
    await writeAudit(tx, { principal: access.principal, projectId: access.project.id, action: "series.update", entity: "LoadTestSeries", entityId: row.id, before: toDto(before), after: dto, requestId });
    return dto;
  });
}
