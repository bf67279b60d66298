import { CHANGE_KIND_LABEL } from "@/lib/domain/history/change-kinds";
import { ATTRIBUTION_RULE, type ChangesResult } from "@/lib/domain/history/compute-changes";
import type { FastestPaths } from "@/lib/domain/paths/compute-paths";
import { escapeMarkdown, table } from "./markdown-escape";

const hours = (v: number) => `${Number.isInteger(v) ? v : v.toFixed(1)} h`;
const pct = (v: number | null) => (v === null ? "—" : `${v.toFixed(1)}%`);
const signed = (v: number) => `${v > 0 ? "+" : v < 0 ? "−" : "±"}${Math.abs(v).toFixed(1)}`;
const verdict = (v: string) => ({ GO: "GO", CONDITIONAL_GO: "CONDITIONAL GO", NO_GO: "NO-GO" })[v] ?? v;

/** "## Fastest paths": the GO and CONDITIONAL GO paths with their items, dates and gate actions. */
export function renderPaths(paths: FastestPaths): string[] {
  const { go, conditionalGo: c } = paths;
  const out = ["## Fastest paths"];
  out.push(`### To GO\nClose ${go.items.length} open P1 item(s) (${hours(go.hours)}): ${go.date ?? "—"} at the team's hours per day, P85 ${go.p85Date ?? "—"}${go.gates.length ? ", if these pass:" : "."}`
    + (go.gates.length ? "\n" + go.gates.map((g) => `- ${g.gate}: ${escapeMarkdown(g.action)}`).join("\n") : ""));
  if (go.items.length) out.push(table(["Item", "Hours", "Owner"], go.items.map((i) => [i.title, hours(i.hours), i.owner])));
  if (!c.reachable) out.push("### To CONDITIONAL GO\nNot reachable by closing items: even with every open P1 item done the score stays below the conditional threshold.");
  else {
    out.push(`### To CONDITIONAL GO\nClose ${c.items.length} item(s) (${hours(c.hours)}, ${c.algorithm === "exact" ? "the exact minimum" : "a greedy approximation"}): ${c.date ?? "—"}, P85 ${c.p85Date ?? "—"}; accept the other ${c.acceptRisks.length} open P1 item(s) as risks${c.gates.length ? "; gates:" : "."}`
      + (c.gates.length ? "\n" + c.gates.map((g) => `- ${g.gate}: ${escapeMarkdown(g.action)}`).join("\n") : ""));
    if (c.items.length) out.push(table(["Item to close", "Hours", "Owner"], c.items.map((i) => [i.title, hours(i.hours), i.owner])));
  }
  return out;
}

/** "## What changed": the score, verdict and every change with its delta between two days. */
export function renderChanges(changes: ChangesResult): string[] {
  const { from, to } = changes;
  const diff = Math.round(((to.scorePercent ?? 0) - (from.scorePercent ?? 0)) * 10) / 10;
  const out = ["## What changed", `From ${from.date} (${pct(from.scorePercent)}, ${verdict(from.verdict)}) to ${to.date} (${pct(to.scorePercent)}, ${verdict(to.verdict)}): ${signed(diff)} points. ${ATTRIBUTION_RULE}`];
  out.push(changes.changes.length === 0 ? "No item, risk or weight changed the figures in this range."
    : table(["When (UTC)", "Item", "Category", "Change", "Detail", "Score"], changes.changes.map((c) => [
      c.at.slice(0, 16).replace("T", " "), c.title, c.category, CHANGE_KIND_LABEL[c.kind], c.detail, signed(c.scoreDeltaPoints),
    ])));
  if (changes.gateChanges.length) out.push(table(["When (UTC)", "Gate", "From", "To", "Cause"], changes.gateChanges.map((g) => [g.at.slice(0, 16).replace("T", " "), g.gate, g.from, g.to, g.cause])));
  return out;
}
