import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { admitRequest, bypassesAdmission, createLimiter, readAdmissionConfig } from "./admission.mjs";

type Release = () => void;

describe("createLimiter", () => {
  afterEach(() => vi.useRealTimers());

  it("never runs more than maxConcurrent at once and starts the waiting ones in arrival order", () => {
    const limiter = createLimiter({ maxConcurrent: 2, queueLimit: 10, queueWaitMs: 1000 });
    const started: number[] = [];
    const releases = new Map<number, Release>();
    let running = 0;
    let peak = 0;
    for (let i = 0; i < 6; i++) {
      limiter.enter((release: Release) => {
        running++;
        peak = Math.max(peak, running);
        started.push(i);
        releases.set(i, () => {
          running--;
          release();
        });
      }, () => expect.unreachable());
    }
    expect(started).toEqual([0, 1]);
    expect(limiter.stats()).toMatchObject({ inFlight: 2, queued: 4 });
    releases.get(1)!();
    expect(started).toEqual([0, 1, 2]);
    releases.get(0)!();
    releases.get(2)!();
    expect(started).toEqual([0, 1, 2, 3, 4]);
    releases.get(3)!();
    releases.get(4)!();
    releases.get(5)!();
    expect(started).toEqual([0, 1, 2, 3, 4, 5]);
    expect(peak).toBe(2);
    expect(limiter.stats()).toMatchObject({ inFlight: 0, queued: 0 });
  });

  it("rejects at once when the queue is full, and counts it", () => {
    const limiter = createLimiter({ maxConcurrent: 1, queueLimit: 1, queueWaitMs: 1000 });
    const reasons: string[] = [];
    limiter.enter(() => {}, () => {});
    limiter.enter(() => {}, () => {});
    limiter.enter(() => expect.unreachable(), (r: string) => reasons.push(r));
    expect(reasons).toEqual(["queue_full"]);
    expect(limiter.stats()).toMatchObject({ inFlight: 1, queued: 1, rejected: { queueFull: 1, waitTimeout: 0 } });
  });

  it("rejects a request that waited longer than queueWaitMs and never starts it", () => {
    vi.useFakeTimers();
    const limiter = createLimiter({ maxConcurrent: 1, queueLimit: 5, queueWaitMs: 500 });
    let release: Release = () => {};
    limiter.enter((r: Release) => (release = r), () => {});
    const reasons: string[] = [];
    let lateStart = false;
    limiter.enter(() => (lateStart = true), (r: string) => reasons.push(r));
    vi.advanceTimersByTime(499);
    expect(reasons).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(reasons).toEqual(["wait_timeout"]);
    release();
    expect(lateStart).toBe(false);
    expect(limiter.stats()).toMatchObject({ inFlight: 0, queued: 0, rejected: { queueFull: 0, waitTimeout: 1 } });
  });

  it("counts a release once however often it is called, and a cancelled entry leaves the queue", () => {
    const limiter = createLimiter({ maxConcurrent: 1, queueLimit: 5, queueWaitMs: 1000 });
    let release: Release = () => {};
    limiter.enter((r: Release) => (release = r), () => {});
    const cancel = limiter.enter(() => expect.unreachable(), () => expect.unreachable());
    let third = false;
    limiter.enter((r: Release) => {
      third = true;
      r();
    }, () => {});
    cancel();
    expect(limiter.stats().queued).toBe(1);
    release();
    release();
    expect(third).toBe(true);
    expect(limiter.stats()).toMatchObject({ inFlight: 0, queued: 0 });
  });
});

describe("createLimiter after a request met an unavailable database", () => {
  it("takes one such request alone for a slow query, not an outage", () => {
    let t = 0;
    const limiter = createLimiter({ maxConcurrent: 1, queueLimit: 5, queueWaitMs: 60_000, now: () => t });
    limiter.enter(() => {}, () => {});
    limiter.enter(() => {}, () => expect.unreachable());
    limiter.noteOutage();
    t += 5001;
    limiter.noteOutage();
    expect(limiter.stats()).toMatchObject({ queued: 1, rejected: { databaseUnavailable: 0 } });
  });

  it("at the second within 5 s empties the queue with database_unavailable and, for a while, does not queue; free slots keep serving", () => {
    let t = 1000;
    const limiter = createLimiter({ maxConcurrent: 1, queueLimit: 5, queueWaitMs: 60_000, now: () => t });
    let release: Release = () => {};
    limiter.enter((r: Release) => (release = r), () => {});
    const reasons: string[] = [];
    limiter.enter(() => expect.unreachable(), (r: string) => reasons.push(r));
    limiter.enter(() => expect.unreachable(), (r: string) => reasons.push(r));
    limiter.noteOutage();
    expect(reasons).toEqual([]);
    t += 4000;
    limiter.noteOutage();
    expect(reasons).toEqual(["database_unavailable", "database_unavailable"]);
    limiter.enter(() => expect.unreachable(), (r: string) => reasons.push(r));
    expect(reasons).toHaveLength(3);
    release();
    let started = false;
    limiter.enter((r: Release) => {
      started = true;
      release = r;
    }, () => expect.unreachable());
    expect(started).toBe(true);
    t += 5001;
    let queuedStarted = false;
    limiter.enter(() => (queuedStarted = true), () => expect.unreachable());
    expect(limiter.stats()).toMatchObject({ queued: 1, rejected: { databaseUnavailable: 3 } });
    release();
    expect(queuedStarted).toBe(true);
  });

  it("queues again as soon as a request is served without meeting the outage", () => {
    let t = 1000;
    const limiter = createLimiter({ maxConcurrent: 1, queueLimit: 5, queueWaitMs: 60_000, now: () => t });
    let release: Release = () => {};
    limiter.enter((r: Release) => (release = r), () => {});
    limiter.noteOutage();
    t += 100;
    limiter.noteOutage();
    const reasons: string[] = [];
    limiter.enter(() => expect.unreachable(), (r: string) => reasons.push(r));
    expect(reasons).toEqual(["database_unavailable"]);
    limiter.noteHealthy();
    let queuedStarted = false;
    limiter.enter(() => (queuedStarted = true), (r: string) => reasons.push(r));
    expect(limiter.stats()).toMatchObject({ queued: 1 });
    release();
    expect(queuedStarted).toBe(true);
    expect(reasons).toEqual(["database_unavailable"]);
  });
});

describe("readAdmissionConfig", () => {
  it("sizes the defaults to the cores", () => {
    expect(readAdmissionConfig({}, 2)).toEqual({ maxConcurrent: 4, queueLimit: 1000, queueWaitMs: 60_000 });
  });
  it("reads the variables and names a bad one", () => {
    expect(readAdmissionConfig({ LAUNCHGATE_MAX_CONCURRENT: "3", LAUNCHGATE_QUEUE_LIMIT: "0", LAUNCHGATE_QUEUE_WAIT_MS: "250" }, 2)).toEqual({ maxConcurrent: 3, queueLimit: 0, queueWaitMs: 250 });
    expect(() => readAdmissionConfig({ LAUNCHGATE_MAX_CONCURRENT: "0" }, 2)).toThrow(/LAUNCHGATE_MAX_CONCURRENT must be a whole number from 1 to 10000, got '0'/);
    expect(() => readAdmissionConfig({ LAUNCHGATE_QUEUE_WAIT_MS: "1.5s" }, 2)).toThrow(/LAUNCHGATE_QUEUE_WAIT_MS/);
    expect(() => readAdmissionConfig({ LAUNCHGATE_QUEUE_LIMIT: "-1" }, 2)).toThrow(/LAUNCHGATE_QUEUE_LIMIT/);
  });
});

describe("bypassesAdmission", () => {
  it("lets assets, liveness, health and metrics through and limits pages and the API", () => {
    for (const u of ["/_next/static/chunks/a.js", "/api/live", "/api/health", "/api/health?x=1", "/metrics", "/favicon.ico", "/fonts/inter.woff2"]) expect(bypassesAdmission(u)).toBe(true);
    for (const u of ["/", "/projects/x", "/api/v1/projects/x/readiness", "/api/livex", "/metricsx", "/api/auth/csrf"]) expect(bypassesAdmission(u)).toBe(false);
  });
});

/** A real server whose handler holds each response until the test lets it go. */
async function startServer(limits: { maxConcurrent: number; queueLimit: number; queueWaitMs: number }) {
  const limiter = createLimiter(limits);
  const held: http.ServerResponse[] = [];
  let handled = 0;
  const server = http.createServer((req, res) => admitRequest(limiter, req, res, () => {
    handled++;
    held.push(res);
  }));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { limiter, held, handled: () => handled, url, close: () => new Promise((r) => { server.closeAllConnections(); server.close(r); }) };
}

const until = async (ok: () => boolean) => {
  for (let i = 0; i < 200 && !ok(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(ok()).toBe(true);
};

describe("admitRequest over HTTP", () => {
  it("answers 503 busy with Retry-After, JSON for the API and text for pages, without running the handler", async () => {
    const s = await startServer({ maxConcurrent: 1, queueLimit: 0, queueWaitMs: 1000 });
    try {
      const first = fetch(`${s.url}/projects/x`);
      await until(() => s.handled() === 1);
      const api = await fetch(`${s.url}/api/v1/projects/x/items/1`, { method: "PATCH", body: "{}" });
      expect(api.status).toBe(503);
      expect(api.headers.get("retry-after")).toBe("2");
      expect(await api.json()).toEqual({ error: { code: "busy", message: expect.stringContaining("busy") } });
      const page = await fetch(`${s.url}/projects/y`);
      expect(page.status).toBe(503);
      expect(page.headers.get("content-type")).toMatch(/^text\/plain/);
      expect(s.handled()).toBe(1);
      s.held[0].end("ok");
      expect((await first).status).toBe(200);
    } finally {
      await s.close();
    }
  });

  it("releases the slot when a response finishes and when its client goes away, queued or running", async () => {
    const s = await startServer({ maxConcurrent: 1, queueLimit: 10, queueWaitMs: 10_000 });
    try {
      const running = new AbortController();
      fetch(`${s.url}/a`, { signal: running.signal }).catch(() => {});
      await until(() => s.handled() === 1);
      const queued = new AbortController();
      fetch(`${s.url}/b`, { signal: queued.signal }).catch(() => {});
      await until(() => s.limiter.stats().queued === 1);
      queued.abort();
      await until(() => s.limiter.stats().queued === 0);
      running.abort();
      await until(() => s.limiter.stats().inFlight === 0);
      expect(s.handled()).toBe(1);
      const third = fetch(`${s.url}/c`);
      await until(() => s.handled() === 2);
      s.held[1].end("done");
      expect((await third).status).toBe(200);
      await until(() => s.limiter.stats().inFlight === 0);
    } finally {
      await s.close();
    }
  });

  it("answers a request that waited too long 503 and serves the next one normally", async () => {
    const s = await startServer({ maxConcurrent: 1, queueLimit: 10, queueWaitMs: 100 });
    try {
      fetch(`${s.url}/a`).catch(() => {});
      await until(() => s.handled() === 1);
      const waited = await fetch(`${s.url}/b`);
      expect(waited.status).toBe(503);
      expect(s.limiter.stats().rejected.waitTimeout).toBe(1);
      s.held[0].end("ok");
      await until(() => s.limiter.stats().inFlight === 0);
      const next = fetch(`${s.url}/c`);
      await until(() => s.handled() === 2);
      s.held[1].end("ok");
      expect((await next).status).toBe(200);
    } finally {
      await s.close();
    }
  });
});
