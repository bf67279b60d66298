import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { DEFAULT_SERIES_SLUG } from "@/lib/domain/series/series-slug";
import type { Db } from "../db";

type Client = Db | Prisma.TransactionClient;

/**
 * The project's default series (created on first use, launch evidence like the one the migration
 * gave every existing project): runs without a series and without a test name go here.
 */
export async function ensureDefaultSeries(db: Client, projectId: string): Promise<string> {
  const row = await db.loadTestSeries.upsert({
    where: { projectId_slug: { projectId, slug: DEFAULT_SERIES_SLUG } },
    create: { projectId, slug: DEFAULT_SERIES_SLUG, name: "Default", environment: "unspecified", description: "Runs imported without a series", launchEvidence: true },
    update: {},
    select: { id: true },
  });
  return row.id;
}
