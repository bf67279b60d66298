import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { DEFAULT_SERIES_SLUG, seriesForTestName } from "@/lib/domain/series/series-slug";
import type { Db } from "../db";
import { ensureDefaultSeries } from "./default-series";

type Client = Db | Prisma.TransactionClient;

export interface SeriesRef {
  id: string;
  slug: string;
  name: string;
  launchEvidence: boolean;
}

/** How an import chooses its series: `?series=` / `--series`, else the tool's test name, else the default. */
export interface SeriesRoute {
  slug?: string;
  testName?: string | null;
}

const SELECT = { id: true, slug: true, name: true, launchEvidence: true } as const;

/** The series slug and name an import goes to (nothing created). */
export function routeTarget(route: SeriesRoute): { slug: string; name: string } {
  if (route.slug) return { slug: route.slug, name: route.slug };
  return seriesForTestName(route.testName) ?? { slug: DEFAULT_SERIES_SLUG, name: "Default" };
}

/**
 * The series a run is stored in, created when it does not exist yet. A series an import creates
 * is not launch evidence (a lead marks it so in Settings), except the project's default series.
 */
export async function resolveImportSeries(db: Client, projectId: string, route: SeriesRoute): Promise<SeriesRef> {
  const target = routeTarget(route);
  if (target.slug === DEFAULT_SERIES_SLUG) {
    await ensureDefaultSeries(db, projectId);
  } else {
    await db.loadTestSeries.upsert({
      where: { projectId_slug: { projectId, slug: target.slug } },
      create: { projectId, slug: target.slug, name: target.name, environment: "unspecified", description: route.slug ? null : "Created from the test name in an imported file" },
      update: {},
      select: { id: true },
    });
  }
  return db.loadTestSeries.findUniqueOrThrow({ where: { projectId_slug: { projectId, slug: target.slug } }, select: SELECT });
}

/** For a dry run: the series the import would go to, as it is now (launchEvidence false when it would be created). */
export async function previewImportSeries(db: Client, projectId: string, route: SeriesRoute): Promise<Omit<SeriesRef, "id"> & { exists: boolean }> {
  const target = routeTarget(route);
  const row = await db.loadTestSeries.findUnique({ where: { projectId_slug: { projectId, slug: target.slug } }, select: SELECT });
  if (row) return { slug: row.slug, name: row.name, launchEvidence: row.launchEvidence, exists: true };
  return { ...target, launchEvidence: target.slug === DEFAULT_SERIES_SLUG, exists: false };
}
