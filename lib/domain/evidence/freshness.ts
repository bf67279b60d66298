import { addDays, dayOfInstant } from "../calendar";
import type { DomainCategory, DomainItem, DomainRun } from "../types";

/**
 * Evidence freshness (DESIGN "What no peer has" 3).
 *
 * Evidence confirmed on day D (UTC) with a validity of V days is current on the V days
 * D … D+V−1 and **expires on D+V**: on that day and after it is stale. So evidence confirmed
 * 2026-01-01 with a 30-day validity is current through 2026-01-30 and stale from 2026-01-31
 * ("evidence expired on 2026-01-31"). No validity (null) means the evidence never expires.
 *
 * Items: the validity is the item's `evidenceValidDays`, else its category's; only DONE items
 * with a known `evidenceAt` can go stale. Runs: the validity is the Performance category's
 * (matched by name, case-insensitive), counted from the run day.
 */

export interface StaleItem {
  itemId: string;
  title: string;
  /** The first day on which the evidence is no longer current. */
  expiredOn: string;
}

export interface ExpiringItem {
  itemId: string;
  title: string;
  /** The day the evidence will expire (after asOf). */
  expiresOn: string;
}

export interface StaleRun {
  runId: string;
  name: string;
  runDate: string;
  expiredOn: string;
}

export interface ItemFreshness {
  /** Items as the score and the gates see them: a stale DONE item becomes OPEN with `evidenceExpiredOn`. */
  items: DomainItem[];
  /** Stale DONE items, earliest expiry first. */
  stale: StaleItem[];
  /** Current DONE items with a validity, soonest expiry first. */
  expiring: ExpiringItem[];
}

/** The day evidence confirmed at `confirmedAt` (ISO instant or day) expires after `validDays`. */
export function computeExpiryDay(confirmedAt: string, validDays: number): string {
  const day = confirmedAt.length === 10 ? confirmedAt : dayOfInstant(confirmedAt);
  return addDays(day, validDays);
}

/** Stale exactly from its expiry day on. */
export function isExpired(expiresOn: string, asOf: string): boolean {
  return asOf >= expiresOn;
}

function validityOf(days: number | null | undefined): number | null {
  return typeof days === "number" && days > 0 ? days : null;
}

/** The expiry day of a DONE item's evidence, or null when it never expires (or cannot be dated). */
export function itemEvidenceExpiry(
  item: Pick<DomainItem, "status" | "evidenceAt" | "evidenceValidDays">, categoryValidDays: number | null | undefined,
): string | null {
  if (item.status !== "DONE" || !item.evidenceAt) return null;
  const days = validityOf(item.evidenceValidDays) ?? validityOf(categoryValidDays);
  return days === null ? null : computeExpiryDay(item.evidenceAt, days);
}

function byDayThenTitle<T extends { title: string }>(day: (t: T) => string) {
  return (a: T, b: T) => day(a).localeCompare(day(b)) || a.title.localeCompare(b.title);
}

export function applyEvidenceFreshness(
  items: readonly DomainItem[], categories: readonly DomainCategory[], asOf: string,
): ItemFreshness {
  const validity = new Map(categories.map((c) => [c.id, c.evidenceValidDays ?? null]));
  const out: DomainItem[] = [];
  const stale: StaleItem[] = [];
  const expiring: ExpiringItem[] = [];
  for (const item of items) {
    const expiry = itemEvidenceExpiry(item, validity.get(item.categoryId));
    if (expiry === null) out.push(item);
    else if (isExpired(expiry, asOf)) {
      out.push({ ...item, status: "OPEN", evidenceExpiredOn: expiry });
      stale.push({ itemId: item.id, title: item.title, expiredOn: expiry });
    } else {
      out.push(item);
      expiring.push({ itemId: item.id, title: item.title, expiresOn: expiry });
    }
  }
  stale.sort(byDayThenTitle((s) => s.expiredOn));
  expiring.sort(byDayThenTitle((s) => s.expiresOn));
  return { items: out, stale, expiring };
}

/** The Performance category's validity: the one that dates load-test runs. */
export function findRunValidityDays(categories: readonly DomainCategory[]): number | null {
  const performance = categories.find((c) => c.name.trim().toLowerCase() === "performance");
  return validityOf(performance?.evidenceValidDays);
}

/** Runs still current on `asOf`, and those that stopped counting (their expiry day reached). */
export function filterFreshRuns(
  runs: readonly DomainRun[], categories: readonly DomainCategory[], asOf: string,
): { runs: DomainRun[]; stale: StaleRun[] } {
  const days = findRunValidityDays(categories);
  if (days === null) return { runs: [...runs], stale: [] };
  const fresh: DomainRun[] = [];
  const stale: StaleRun[] = [];
  for (const run of runs) {
    const expiry = computeExpiryDay(run.runDate.slice(0, 10), days);
    if (isExpired(expiry, asOf)) stale.push({ runId: run.id, name: run.name, runDate: run.runDate, expiredOn: expiry });
    else fresh.push(run);
  }
  stale.sort((a, b) => a.expiredOn.localeCompare(b.expiredOn) || a.name.localeCompare(b.name));
  return { runs: fresh, stale };
}
