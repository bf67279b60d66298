/**
 * A steady, bounded mixed load on one Launchgate server: readers (the readiness and items APIs,
 * the overview page) and writers (item edits with optimistic locking), each one request at a
 * time with a short pause. Every outcome is kept with its timing for the assertions and figures.
 */
import crypto from "node:crypto";
import { SLUG, sleep } from "./helpers";

export interface Outcome {
  kind: "read-api" | "read-page" | "write";
  start: number;
  ms: number;
  status: number;
  retryAfter: string | null;
  requestId: string;
}

export interface LoadOptions {
  base: string;
  token: string;
  cookie: string;
  items: { id: string; version: number }[];
  readers?: number;
  pauseMs?: number;
}

export function startLoad(o: LoadOptions) {
  const outcomes: Outcome[] = [];
  const t0 = Date.now();
  let running = true;
  const send = async (kind: Outcome["kind"], url: string, init: RequestInit = {}) => {
    const requestId = `fault-${crypto.randomUUID()}`;
    const start = Date.now();
    let status = 0;
    let retryAfter: string | null = null;
    let body = "";
    try {
      const res = await fetch(url, { ...init, headers: { ...(init.headers as Record<string, string>), "x-request-id": requestId }, signal: AbortSignal.timeout(30_000) });
      status = res.status;
      retryAfter = res.headers.get("retry-after");
      body = await res.text();
    } catch {
      status = 0;
    }
    outcomes.push({ kind, start: start - t0, ms: Date.now() - start, status, retryAfter, requestId });
    return { status, body };
  };
  const api = { authorization: `Bearer ${o.token}` };
  const reader = async (n: number) => {
    for (let i = n; running; i++) {
      if (i % 3 === 0) await send("read-page", `${o.base}/projects/${SLUG}`, { headers: { cookie: o.cookie } });
      else if (i % 3 === 1) await send("read-api", `${o.base}/api/v1/projects/${SLUG}/readiness`, { headers: api });
      else await send("read-api", `${o.base}/api/v1/projects/${SLUG}/items?pageSize=20&sort=updatedAt&dir=desc`, { headers: api });
      await sleep(o.pauseMs ?? 100);
    }
  };
  const writer = async (item: { id: string; version: number }) => {
    for (let i = 0; running; i++) {
      const owner = `fault owner ${crypto.randomBytes(4).toString("hex")}`;
      const r = await send("write", `${o.base}/api/v1/projects/${SLUG}/items/${item.id}`, {
        method: "PATCH", headers: { ...api, "content-type": "application/json" }, body: JSON.stringify({ owner, version: item.version }),
      });
      try {
        if (r.status === 200) item.version = (JSON.parse(r.body) as { version: number }).version;
        // A stale version (also after an edit whose answer was lost in a fault): take the current one.
        if (r.status === 409) item.version = (JSON.parse(r.body) as { error: { details: { current: { version: number } } } }).error.details.current.version;
      } catch {
        /* keep the version */
      }
      await sleep(o.pauseMs ?? 100);
    }
  };
  const workers = [...Array.from({ length: o.readers ?? 4 }, (_, n) => reader(n)), ...o.items.map((it) => writer(it))];
  return {
    outcomes,
    now: () => Date.now() - t0,
    stop: async () => {
      running = false;
      await Promise.all(workers);
    },
  };
}

/** Figures of the outcomes that were in flight at some time in [from, to). */
export function summarize(outcomes: Outcome[], from: number, to: number) {
  const within = outcomes.filter((x) => x.start < to && x.start + x.ms >= from);
  const byStatus: Record<string, number> = {};
  for (const x of within) byStatus[x.status] = (byStatus[x.status] ?? 0) + 1;
  const ms = within.map((x) => x.ms).sort((a, b) => a - b);
  return {
    requests: within.length,
    byStatus,
    p95Ms: ms.length ? ms[Math.min(ms.length - 1, Math.floor(ms.length * 0.95))] : null,
    maxMs: ms.length ? ms[ms.length - 1] : null,
    unexpected: within.filter((x) => !(x.status >= 200 && x.status < 300) && x.status !== 409 && x.status !== 503),
  };
}

/**
 * Milliseconds after `at` from which every request succeeded (2xx or 409) until `to`: the
 * start of the first request after the last failure.
 */
export function recoveryMs(outcomes: Outcome[], at: number, to: number): number {
  const after = outcomes.filter((x) => x.start + x.ms >= at && x.start < to).sort((a, b) => a.start - b.start);
  let lastBad = -1;
  after.forEach((x, i) => {
    if (!((x.status >= 200 && x.status < 300) || x.status === 409)) lastBad = i;
  });
  if (lastBad === -1) return 0;
  if (lastBad === after.length - 1) return Infinity;
  return Math.max(0, after[lastBad + 1].start - at);
}
