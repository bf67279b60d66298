import { classifyZone, zoneRank } from "../collect-capacity-levels";
import { formatNumber, formatPercent, roundTo } from "../format-number";
import type { Zone } from "../types";
import type { BlockerFinding, BlockerRun, BlockerSettings, OpenRunBlocker, RunBlockerAction } from "./types";

interface Level { users: number; p95Ms: number | null; errorRatePercent: number; zone: Zone }

const rate = (requests: number, failures: number, fallback = 0) => (requests > 0 ? (failures / requests) * 100 : fallback);
const ms = (v: number | null) => (v === null ? "no P95" : `P95 ${formatNumber(v, 1)} ms`);

/** Required load = headroom × expected production users (DESIGN gate 2). */
export function requiredUsersOf(s: BlockerSettings): number {
  return s.requiredHeadroom * s.expectedProductionUsers;
}

/** The run's measured levels: one per step of a stepped run, else its own users (none without). */
export function levelsOf(run: BlockerRun, s: BlockerSettings): Level[] {
  const raw = run.steps.length > 0
    ? run.steps.map((st) => ({ users: st.users, p95Ms: st.p95Ms, errorRatePercent: rate(st.requests, st.failures, st.errorRatePercent) }))
    : run.users !== null ? [{ users: run.users, p95Ms: run.p95Ms, errorRatePercent: rate(run.requests, run.failures) }] : [];
  return raw.filter((l) => l.users > 0).map((l) => ({ ...l, zone: classifyZone(l.p95Ms, l.errorRatePercent, s.thresholds) }));
}

export function endpointKey(e: { method: string | null; name: string }): string {
  return `${e.method ? `${e.method} ` : ""}${e.name}`.slice(0, 500);
}

function capacityFinding(run: BlockerRun, levels: Level[], s: BlockerSettings): BlockerFinding | null {
  const required = requiredUsersOf(s);
  const failing = levels.filter((l) => l.users <= required && zoneRank(l.zone) >= zoneRank("red")).sort((a, b) => a.users - b.users)[0];
  if (!failing) return null;
  const figures = `${ms(failing.p95Ms)} and ${formatPercent(failing.errorRatePercent)}% errors`;
  return {
    rule: "capacity-zone", endpoint: "", users: failing.users, zone: failing.zone, p95Ms: failing.p95Ms, errorRatePercent: roundTo(failing.errorRatePercent, 4),
    title: `Load test: ${failing.zone} zone at ${failing.users} users (required ${formatNumber(required)})`,
    description:
      `Run "${run.name}" of ${run.runDate} measured ${failing.users} users at ${figures}: the ${failing.zone} zone, at or below the required load of ` +
      `${formatNumber(required)} users (${formatNumber(s.requiredHeadroom)}× ${s.expectedProductionUsers} expected). Yellow needs P95 below ` +
      `${s.thresholds.yellow.p95Ms} ms and errors below ${s.thresholds.yellow.errorRatePercent}%. A later run of this series that stays yellow or better up to ${failing.users} users resolves this item.`,
    summary: `${failing.users} users: ${failing.zone}, ${figures}`,
  };
}

/**
 * The endpoint rule reads the run's per-endpoint totals, which mix every level of the run: it
 * applies to a run whose highest level is at or below the required load (or unknown), so that a
 * stress test driven past the required load does not open items for its overload.
 */
function endpointRuleApplies(levels: Level[], s: BlockerSettings): boolean {
  return levels.length === 0 || Math.max(...levels.map((l) => l.users)) <= requiredUsersOf(s);
}

function endpointFindings(run: BlockerRun, levels: Level[], s: BlockerSettings): BlockerFinding[] {
  if (!endpointRuleApplies(levels, s)) return [];
  const load = levels.length ? Math.max(...levels.map((l) => l.users)) : 0;
  const bound = s.thresholds.red.errorRatePercent;
  return run.endpoints
    .filter((e) => e.requests > 0 && rate(e.requests, e.failures) >= bound)
    .map((e) => {
      const key = endpointKey(e);
      const errors = rate(e.requests, e.failures);
      const at = load > 0 ? ` at ${load} users` : "";
      return {
        rule: "endpoint-errors" as const, endpoint: key, users: load, zone: "death" as const, p95Ms: e.p95Ms, errorRatePercent: roundTo(errors, 4),
        title: `Load test: ${key} fails ${formatPercent(errors)}%${at}`,
        description:
          `Run "${run.name}" of ${run.runDate}: ${key} failed ${e.failures.toLocaleString("en-US")} of ${e.requests.toLocaleString("en-US")} requests ` +
          `(${formatPercent(errors)}%, ${ms(e.p95Ms)})${at}, at or above the red error bound of ${bound}%. A later run of this series in which it stays below ${bound}% resolves this item.`,
        summary: `${key}: ${formatPercent(errors)}% errors (${e.failures}/${e.requests}), ${ms(e.p95Ms)}`,
      };
    });
}

/** What the run's own rules find: the capacity rule and each failing endpoint. */
export function findRunBlockers(run: BlockerRun, s: BlockerSettings): BlockerFinding[] {
  const levels = levelsOf(run, s);
  const capacity = capacityFinding(run, levels, s);
  return [...(capacity ? [capacity] : []), ...endpointFindings(run, levels, s)];
}

/** Does the run pass where an open item failed? Only a run that measured that load (or endpoint) can say. */
function resolves(run: BlockerRun, levels: Level[], open: OpenRunBlocker, s: BlockerSettings): string | null {
  if (open.rule === "capacity-zone") {
    // The first level at or above the item's load must be yellow or better, and so must every level below it
    // and every measured level up to the required load.
    const at = levels.filter((l) => l.users >= open.users).sort((a, b) => a.users - b.users)[0];
    if (!at) return null;
    const upTo = levels.filter((l) => l.users <= Math.max(at.users, requiredUsersOf(s)));
    if (upTo.some((l) => zoneRank(l.zone) >= zoneRank("red"))) return null;
    return `Run "${run.name}" of ${run.runDate} (id ${run.id}) stays ${at.zone} or better up to ${at.users} users: ${ms(at.p95Ms)}, ${formatPercent(at.errorRatePercent)}% errors`;
  }
  if (!endpointRuleApplies(levels, s)) return null;
  const e = run.endpoints.find((x) => endpointKey(x) === open.endpoint && x.requests > 0);
  if (!e || rate(e.requests, e.failures) >= s.thresholds.red.errorRatePercent) return null;
  return `Run "${run.name}" of ${run.runDate} (id ${run.id}): ${open.endpoint} failed ${formatPercent(rate(e.requests, e.failures))}% (${e.failures}/${e.requests}), below the red bound of ${s.thresholds.red.errorRatePercent}%`;
}

/**
 * The items a stored launch-evidence run opens, adds itself to, and resolves, in its series.
 * One open item per (rule, endpoint): a finding with an open item adds to it instead of opening
 * another; an open item the run passes is resolved with the run as evidence.
 */
export function evaluateRunBlockers(run: BlockerRun, s: BlockerSettings, open: readonly OpenRunBlocker[]): RunBlockerAction[] {
  const levels = levelsOf(run, s);
  const findings = findRunBlockers(run, s);
  const actions: RunBlockerAction[] = [];
  for (const finding of findings) {
    const existing = open.find((o) => o.rule === finding.rule && o.endpoint === finding.endpoint);
    actions.push(existing ? { kind: "fail-again", itemId: existing.itemId, finding } : { kind: "open", finding });
  }
  for (const o of open) {
    if (findings.some((f) => f.rule === o.rule && f.endpoint === o.endpoint)) continue;
    const evidence = resolves(run, levels, o, s);
    if (evidence) actions.push({ kind: "resolve", itemId: o.itemId, rule: o.rule, endpoint: o.endpoint, users: o.users, evidence });
  }
  return actions;
}
