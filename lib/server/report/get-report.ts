import "server-only";
import { renderReadinessMarkdown, type ReportBlocker } from "@/lib/report/render-readiness-markdown";
import type { ProjectAccess } from "../access";
import { getDb } from "../db";
import { listDecisions } from "../decisions/decisions";
import { getChangesPanel } from "../history/get-history";
import { getFastestPaths } from "../paths/get-paths";
import { getReadiness } from "../readiness/get-readiness";
import { toDay } from "../readiness/load-readiness-input";

/** Open items (every priority) with their current risk acceptance, for the report. */
async function listOpenItems(projectId: string): Promise<ReportBlocker[]> {
  const rows = await getDb().checklistItem.findMany({
    where: { projectId, status: { in: ["OPEN", "IN_PROGRESS"] } },
    select: {
      title: true, priority: true, status: true, estimateHours: true, owner: true,
      category: { select: { name: true, position: true } },
      riskAcceptances: { where: { revokedAt: null }, select: { mitigation: true, expiresOn: true }, orderBy: { createdAt: "desc" }, take: 1 },
    },
    orderBy: [{ priority: "asc" }, { category: { position: "asc" } }, { estimateHours: { sort: "desc", nulls: "last" } }, { title: "asc" }],
  });
  return rows.map((r) => ({
    title: r.title, category: r.category.name, priority: r.priority, status: r.status, estimateHours: r.estimateHours, owner: r.owner,
    riskAcceptance: r.riskAcceptances[0] ? { mitigation: r.riskAcceptances[0].mitigation, expiresOn: toDay(r.riskAcceptances[0].expiresOn) } : null,
  }));
}

/** The Markdown readiness report as of a day: the same computation the pages show. */
export async function getReadinessReport(access: Pick<ProjectAccess, "project">, asOf: string, now = new Date()): Promise<{ markdown: string; fileName: string }> {
  const today = toDay(now);
  const [readiness, openItems, decisions, paths, changes] = await Promise.all([
    getReadiness(access.project, asOf),
    listOpenItems(access.project.id),
    listDecisions(access.project.id),
    getFastestPaths(access.project, asOf),
    // What changed up to the report's day (since the last signed decision, else 7 days).
    getChangesPanel(access.project, { to: asOf > today ? today : asOf }),
  ]);
  const { project, asOf: _asOf, ...rest } = readiness;
  void _asOf;
  const markdown = renderReadinessMarkdown({
    project, asOf, readiness: rest, openItems,
    decisions: decisions.map((d) => ({ verdict: d.verdict, comment: d.comment, asOf: d.asOf, signedBy: d.signedBy, createdAt: d.createdAt })),
    generatedAt: now.toISOString().slice(0, 16).replace("T", " ") + " UTC",
    paths, changes: changes.report,
  });
  return { markdown, fileName: `${access.project.slug}-readiness-${asOf}.md` };
}
