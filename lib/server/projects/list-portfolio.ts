import "server-only";
import type { PortfolioRow } from "@/lib/domain/view/portfolio-rows";
import type { Principal } from "../access";
import { listProjectsForUser } from "../queries/list-projects";
import { getReadiness } from "../readiness/get-readiness";
import { todayUtc } from "../readiness/load-readiness-input";

const BATCH = 4;

/** The user's projects with today's score, verdict, blockers and deterministic date. */
export async function listPortfolio(user: Extract<Principal, { kind: "user" }>): Promise<PortfolioRow[]> {
  const projects = await listProjectsForUser(user);
  const asOf = todayUtc();
  const rows: PortfolioRow[] = [];
  // A few projects at a time: each readiness is ~10 queries and the pool is bounded.
  for (let i = 0; i < projects.length; i += BATCH) {
    const batch = projects.slice(i, i + BATCH);
    const results = await Promise.all(batch.map((p) => getReadiness(p, asOf)));
    batch.forEach((p, j) => {
      const r = results[j];
      rows.push({
        slug: p.slug, name: p.name, description: p.description, role: user.isAdmin ? "ADMIN" : p.role,
        scorePercent: r.score.overallPercent, verdict: r.verdict.value,
        openBlockers: r.blockers.open, openBlockerHours: r.blockers.openHours,
        launchDate: r.projection.deterministic?.date ?? null,
      });
    });
  }
  return rows;
}
