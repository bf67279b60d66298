import type { Readiness } from "@/lib/domain";
import type { ChangesResult } from "@/lib/domain/history/compute-changes";
import type { FastestPaths } from "@/lib/domain/paths/compute-paths";
import { cell, escapeMarkdown, table } from "./markdown-escape";
import { renderChanges, renderPaths } from "./render-paths-and-changes";

export interface ReportBlocker {
  title: string;
  category: string;
  priority: string;
  status: string;
  estimateHours: number | null;
  owner: string | null;
  riskAcceptance: { mitigation: string; expiresOn: string } | null;
}

export interface ReportInput {
  project: { slug: string; name: string };
  asOf: string;
  readiness: Readiness;
  openItems: ReportBlocker[];
  decisions: { verdict: string; comment: string; asOf: string; signedBy: string; createdAt: string }[];
  generatedAt: string;
  /** The fastest paths to GO and CONDITIONAL GO (section left out when absent). */
  paths?: FastestPaths;
  /** What changed over a range (section left out when absent). */
  changes?: ChangesResult | null;
}

const VERDICT_TEXT: Record<string, string> = { GO: "GO", CONDITIONAL_GO: "CONDITIONAL GO", NO_GO: "NO-GO" };
const pct = (v: number | null | undefined, d = 1) => (v === null || v === undefined ? "—" : `${v.toFixed(d)}%`);
const num = (v: number | null | undefined, d = 0) => (v === null || v === undefined ? "—" : v.toFixed(d));
const hours = (v: number | null | undefined) => (v === null || v === undefined ? "—" : `${Number.isInteger(v) ? v : v.toFixed(1)} h`);

/** The readiness report as Markdown, from the same computation the pages show. Pure. */
export function renderReadinessMarkdown(input: ReportInput): string {
  const { readiness: r } = input;
  const out: string[] = [];
  out.push(`# Readiness report: ${escapeMarkdown(input.project.name)}`);
  out.push(`As of ${input.asOf} · generated ${input.generatedAt} · project \`${input.project.slug.replace(/`/g, "")}\``);

  out.push("## Executive summary");
  out.push(`**Verdict: ${VERDICT_TEXT[r.verdict.value] ?? r.verdict.value}** — ${escapeMarkdown(r.verdict.summary)}`);
  const c = r.confidence;
  out.push(
    `**Measurement confidence: ${c.level}**${c.reasons.length === 0 ? " — several runs, long enough, enough requests, after the last change." : ""}` +
      (c.reasons.length ? `\n${c.reasons.map((x) => `- ${escapeMarkdown(x.message)}${x.severity === "minor" ? " (minor)" : ""}`).join("\n")}` : ""),
  );
  out.push(
    [
      `- Readiness score: ${pct(r.score.overallPercent)} (${r.score.criticalDone}/${r.score.criticalTotal} P1 items done)`,
      `- Open P1 blockers: ${r.blockers.open} (${hours(r.blockers.openHours)})${r.blockers.waived ? `; ${r.blockers.waived} under risk acceptance` : ""}`,
      `- Earliest launch (deterministic): ${r.projection.deterministic?.date ?? "—"}`,
      `- Safe capacity: ${num(r.capacity.safeCapacityUsers)} users; breaking point: ${num(r.capacity.breakingPointUsers)} users`,
      `- Stability: ${r.stability ? `${r.stability.score} (${r.stability.health}, ${r.stability.verdict.replace(/_/g, " ")})` : "no stability run"}`,
    ].join("\n"),
  );
  if (r.stale.length > 0 || r.staleRuns.length > 0) {
    out.push("### Expired evidence");
    out.push(
      [
        ...r.stale.map((x) => `- ${escapeMarkdown(x.title)}: evidence expired on ${x.expiredOn} (counted as not done)`),
        ...r.staleRuns.map((x) => `- Run ${escapeMarkdown(x.name)} (${x.runDate}): evidence expired on ${x.expiredOn} (left out of capacity)`),
      ].join("\n"),
    );
  }
  if (r.expiring.length > 0) {
    out.push(`Evidence expiring next: ${r.expiring.slice(0, 5).map((x) => `${escapeMarkdown(x.title)} on ${x.expiresOn}`).join("; ")}.`);
  }
  out.push("### Gates");
  out.push(table(["Gate", "Status", "Why"], r.verdict.gates.map((g) => [g.id, g.status.toUpperCase(), g.reason])));

  out.push("## Category scores");
  out.push(
    table(
      ["Category", "P1 done", "Score", "Open blockers", "Hours"],
      r.score.categories.map((c) => [c.name, `${c.criticalDone}/${c.criticalTotal}`, pct(c.scorePercent), c.openBlockers, hours(c.openBlockerHours)]),
    ),
  );

  out.push("## Open items by priority");
  for (const p of ["P1", "P2", "P3"]) {
    const items = input.openItems.filter((i) => i.priority === p);
    const total = items.reduce((a, i) => a + (i.estimateHours ?? 0), 0);
    out.push(`### ${p} (${items.length} open, ${hours(total)})`);
    out.push(
      items.length === 0
        ? "None."
        : table(
            ["Item", "Category", "Status", "Estimate", "Owner", "Risk accepted"],
            items.map((i) => [i.title, i.category, i.status, hours(i.estimateHours), i.owner, i.riskAcceptance ? `until ${i.riskAcceptance.expiresOn}: ${i.riskAcceptance.mitigation}` : null]),
          ),
    );
  }

  out.push("## Capacity");
  out.push(
    r.capacity.levels.length === 0
      ? "No load-test results."
      : table(
          ["Users", "Zone", "P50 ms", "P95 ms", "Error rate", "Throughput req/s", "Capacity loss"],
          r.capacity.levels.map((l) => [l.users, l.zone, num(l.p50Ms), num(l.p95Ms), pct(l.errorRatePercent, 3), num(l.throughputRps, 1), pct(l.capacityLossPercent)]),
        ),
  );
  if (r.capacity.zones.length) {
    out.push(`Zones: ${r.capacity.zones.map((z) => `${z.zone} ${z.fromUsers}${z.toUsers === null ? "+" : `–${z.toUsers}`}`).join(", ")} users. Throughput ceiling: ${num(r.capacity.throughputCeilingRps, 1)} req/s.`);
  }
  for (const a of r.capacity.anomalies) out.push(`- Anomaly: ${escapeMarkdown(a.message)}`);

  out.push("## Stability");
  if (!r.stability) out.push("No stability run.");
  else {
    const s = r.stability;
    out.push(`Score ${s.score}, ${s.health}, ${s.verdict.replace(/_/g, " ")}. Mean ${num(s.meanMs, 2)} ms (${pct(s.meanVsBaselinePercent)} vs baseline), P99 ${num(s.p99Ms, 2)} ms, errors ${pct(s.errorRatePercent, 2)} over ${s.samples} samples.`);
    for (const a of s.anomalies) out.push(`- ${a.severity}: ${escapeMarkdown(a.kind)}`);
  }

  out.push("## Objectives");
  out.push(r.objectives.length === 0 ? "No objectives." : table(["Objective", "Target", "Measured", "Met", "Why"], r.objectives.map((o) => [o.name, o.target, o.measured ?? "not measured", o.met ? "yes" : "no", o.reason])));

  out.push("## Projection");
  const pr = r.projection;
  out.push(
    [
      `- Remaining: ${hours(pr.remainingHours)} of open P1 work (range ${hours(pr.remainingLowHours)}–${hours(pr.remainingHighHours)})`,
      `- Deterministic: ${pr.deterministic ? `${pr.deterministic.date} (${pr.deterministic.workingDays} working days)` : "—"}`,
      `- Monte Carlo: ${pr.probabilistic ? `P50 ${pr.probabilistic.p50}, P85 ${pr.probabilistic.p85}, P95 ${pr.probabilistic.p95}` : "—"}`,
      `- Velocity: ${pr.velocity ? `${pr.velocity.hoursPerDay} h/day → ${pr.velocity.date}` : "not enough closed work in the last 14 days"}`,
      `- Without deferrable items: ${pr.conditional ? `${pr.conditional.date} (${hours(pr.conditional.remainingHours)})` : "no item is marked deferrable"}`,
    ].join("\n"),
  );

  if (input.paths) out.push(...renderPaths(input.paths));
  if (input.changes) out.push(...renderChanges(input.changes));

  out.push("## Decision history");
  out.push(
    input.decisions.length === 0
      ? "No decision signed yet."
      : table(["Signed", "Verdict", "As of", "By", "Comment"], input.decisions.map((d) => [d.createdAt.slice(0, 16).replace("T", " "), VERDICT_TEXT[d.verdict] ?? d.verdict, d.asOf, d.signedBy, d.comment])),
  );
  return out.join("\n\n") + "\n";
}

export { cell };
