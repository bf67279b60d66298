import "server-only";
import type { DomainItem, DomainItemEvent, DomainItemSnapshot, DomainRun, ItemStatus, Priority, RunKind } from "@/lib/domain";
import { getPool } from "../db";

/**
 * The timeline's big tables (items, item events, load-test runs with their steps) in plain SQL
 * on the pg pool: only the columns the timeline needs, timestamps as PostgreSQL's text made into
 * the ISO strings the timeline holds (no Date per value; `to_char` cost the server ~1 µs a value),
 * rows as arrays (no object per row). The ORM took ~3× longer for 5,000 items and 7,500 events.
 * Same shapes and values as the ORM gave.
 */
const iso = (column: string) => `(${column})::text`;

/**
 * A `timestamp(3)` column's text ("2026-01-05 09:00:00", "…:00.12"; DateStyle ISO, which the pg
 * driver's own parsers assume too) as `Date#toISOString()` gives it: "2026-01-05T09:00:00.120Z".
 */
export function isoOfTimestampText(text: string | null): string | null {
  if (text === null) return null;
  if (text.length === 19 && text[10] === " ") return `${text.slice(0, 10)}T${text.slice(11)}.000Z`;
  if (text.length >= 21 && text.length <= 23 && text[10] === " " && text[19] === ".") return `${text.slice(0, 10)}T${text.slice(11, 19)}${text.slice(19).padEnd(4, "0")}Z`;
  return new Date(`${text.replace(" ", "T")}Z`).toISOString();
}
const isoText = (v: unknown) => isoOfTimestampText(v as string | null);

export type Row = unknown[];
export async function rows(text: string, values: unknown[]): Promise<Row[]> {
  return (await getPool().query({ text, values, rowMode: "array" })).rows as Row[];
}

/** The item columns the timeline reads, in the order `toTimelineItem` takes them. */
export const ITEM_COLUMNS = `id, "categoryId", title, priority::text, status::text, "estimateHours", "estimateLowHours", "estimateHighHours",
            "deferrable", ${iso('"createdAt"')}, ${iso(`COALESCE("evidenceAt", CASE WHEN status = 'DONE' THEN "updatedAt" END)`)}, "evidenceValidDays"`;

/** A row of ITEM_COLUMNS from `offset` on; `evidenceAt` falls back to the last change for DONE items (dated before evidence was). */
export function toTimelineItem(r: Row, offset = 0): DomainItem {
  const o = offset;
  return {
    id: r[o] as string, categoryId: r[o + 1] as string, title: r[o + 2] as string, priority: r[o + 3] as Priority, status: r[o + 4] as ItemStatus,
    estimateHours: r[o + 5] as number | null, estimateLowHours: r[o + 6] as number | null, estimateHighHours: r[o + 7] as number | null,
    deferrable: r[o + 8] as boolean, createdAt: isoText(r[o + 9])!, evidenceValidDays: r[o + 11] as number | null, riskAcceptance: null,
    evidenceAt: isoText(r[o + 10]),
  };
}

/** Current items. */
export async function loadTimelineItems(projectId: string): Promise<DomainItem[]> {
  const list = await rows(`SELECT ${ITEM_COLUMNS} FROM "ChecklistItem" WHERE "projectId" = $1`, [projectId]);
  return list.map((r) => toTimelineItem(r));
}

export interface TimelineEventRows {
  /** Events of the replayed fields, in time order. */
  replayed: DomainItemEvent[];
  /** Evidence given or re-confirmed (besides status → DONE), in time order. */
  evidence: { itemId: string; at: string }[];
}

/** The event columns the timeline reads, in the order `addTimelineEvent` takes them. */
export const EVENT_COLUMNS = `e."itemId", ${iso("e.at")}, e.field, e."fromValue", e."toValue", e.snapshot, e."actorId"`;

/** Adds a row of EVENT_COLUMNS (from `offset` on) to the replayed or the evidence events. */
export function addTimelineEvent(out: TimelineEventRows, r: Row, isEvidence: ReadonlySet<string>, offset = 0): void {
  const o = offset;
  const field = r[o + 2] as string;
  const at = isoText(r[o + 1])!;
  if (isEvidence.has(field)) {
    out.evidence.push({ itemId: r[o] as string, at });
    return;
  }
  const event: DomainItemEvent = { itemId: r[o] as string, at, field, from: r[o + 3] as string | null, to: r[o + 4] as string | null, actorId: r[o + 6] as string | null };
  if (r[o + 5]) event.snapshot = r[o + 5] as DomainItemSnapshot;
  out.replayed.push(event);
}

/**
 * Item events of `replayed` and `evidence` fields (events without an item left out), in one
 * statement, in time order (`e.at`: the column, not the text output column of the same name).
 */
export async function loadTimelineEvents(projectId: string, replayed: readonly string[], evidence: readonly string[]): Promise<TimelineEventRows> {
  const list = await rows(
    `SELECT ${EVENT_COLUMNS} FROM "ItemEvent" e WHERE e."projectId" = $1 AND e.field = ANY($2::text[]) AND e."itemId" IS NOT NULL ORDER BY e.at`,
    [projectId, [...replayed, ...evidence]],
  );
  const isEvidence = new Set(evidence), out: TimelineEventRows = { replayed: [], evidence: [] };
  for (const r of list) addTimelineEvent(out, r, isEvidence);
  return out;
}

/** Load-test runs (not stability) of launch-evidence series up to the day `to`, each with its steps in order. */
export async function loadTimelineRuns(projectId: string, to: string): Promise<DomainRun[]> {
  const list = await rows(
    `SELECT r.id, r.name, r.kind::text, r.users, r."durationSeconds", r.requests, r.failures, r."p50Ms", r."p95Ms", r."p99Ms", r."maxMs",
            r."throughputRps", r."runDate"::text, ${iso('r."createdAt"')}, ${iso('r."startedAt"')},
            (SELECT json_agg(json_build_array(s.users, s."durationSeconds", s.requests, s.failures, s."errorRatePercent", s."p95Ms", s."p50Ms", s."throughputRps") ORDER BY s.position)
               FROM "RunStep" s WHERE s."runId" = r.id)
       FROM "TestRun" r JOIN "LoadTestSeries" ls ON ls.id = r."seriesId"
      WHERE r."projectId" = $1 AND r.kind <> 'STABILITY' AND ls."launchEvidence" AND r."runDate" <= $2::date`,
    [projectId, to],
  );
  return list.map((r) => ({
    id: r[0] as string, name: r[1] as string, kind: r[2] as RunKind, users: r[3] as number | null, durationSeconds: (r[4] as number | null) ?? 0,
    requests: r[5] as number, failures: r[6] as number, p50Ms: r[7] as number | null, p95Ms: r[8] as number | null, p99Ms: r[9] as number | null,
    maxMs: r[10] as number | null, throughputRps: r[11] as number | null, runDate: r[12] as string, createdAt: isoText(r[13])!, startedAt: isoText(r[14]),
    steps: ((r[15] as unknown[][] | null) ?? []).map((s) => ({
      users: s[0] as number, durationSeconds: s[1] as number | null, requests: s[2] as number, failures: s[3] as number,
      errorRatePercent: s[4] as number, p95Ms: s[5] as number | null, p50Ms: s[6] as number | null, throughputRps: s[7] as number | null,
    })),
  }));
}
