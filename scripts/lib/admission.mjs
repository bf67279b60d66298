/**
 * Admission control for scripts/serve.mjs: at most `maxConcurrent` expensive requests (page
 * renders, the API) run at once; the others wait in a bounded FIFO queue. A request that finds the
 * queue full, or waits longer than `queueWaitMs`, is answered 503 with Retry-After before any of
 * our code runs (nothing is changed). Under overload throughput stays at what the cores give
 * instead of collapsing under hundreds of interleaved renders; latency grows by the queueing only.
 * A slot is released when the response finishes or the connection closes, whichever comes first;
 * a queued request whose client goes away leaves the queue. While the database is unavailable
 * (two requests met it so within 5 s: `noteOutage()`; one alone may be a query that was slow on a
 * starved machine), waiting would only end in the same 503 later, so the
 * queue is emptied with 503 + Retry-After and, for a few seconds, a request that finds no free slot
 * gets it at once; the free slots keep serving, and the first request served without meeting the
 * outage (`noteHealthy()`) ends that at once, so recovery is not held up by the window.
 * Plain JavaScript: serve.mjs runs under node without a TypeScript loader.
 */

const LIMITS = {
  LAUNCHGATE_MAX_CONCURRENT: { min: 1, max: 10_000 },
  LAUNCHGATE_QUEUE_LIMIT: { min: 0, max: 1_000_000 },
  LAUNCHGATE_QUEUE_WAIT_MS: { min: 1, max: 600_000 },
};

/** Per core: renders wait on the database part of the time; 2 a core measured best in bench/load. */
export const SLOTS_PER_CORE = 2;
export const DEFAULT_QUEUE_LIMIT = 1000;
export const DEFAULT_QUEUE_WAIT_MS = 60_000;
export const RETRY_AFTER_SECONDS = 2;
/** How long after a request met an unavailable database requests that find no slot are not queued. */
export const OUTAGE_FAIL_FAST_MS = 5000;

function readInt(env, name, fallback) {
  const raw = env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const { min, max } = LIMITS[name];
  const n = Number(raw);
  if (!/^\s*\d+\s*$/.test(raw) || n < min || n > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max}, got '${raw}'`);
  }
  return n;
}

/** The limits from the environment (defaults sized to `cores`); throws a message naming the bad variable. */
export function readAdmissionConfig(env, cores) {
  return {
    maxConcurrent: readInt(env, "LAUNCHGATE_MAX_CONCURRENT", Math.max(1, cores) * SLOTS_PER_CORE),
    queueLimit: readInt(env, "LAUNCHGATE_QUEUE_LIMIT", DEFAULT_QUEUE_LIMIT),
    queueWaitMs: readInt(env, "LAUNCHGATE_QUEUE_WAIT_MS", DEFAULT_QUEUE_WAIT_MS),
  };
}

/**
 * The limiter itself, without HTTP. `enter(start, reject)` calls `start(release)` now or when a
 * slot frees up (in arrival order), or `reject("queue_full" | "wait_timeout")`; it returns
 * `cancel()`, which takes a still-waiting entry out of the queue. `release` may be called any
 * number of times; only the first counts.
 */
export function createLimiter({ maxConcurrent, queueLimit, queueWaitMs, now = Date.now }) {
  let inFlight = 0;
  let outageUntil = 0;
  let lastOutageAt = -Infinity;
  const queue = []; // entries { start, reject, timer, done }
  const rejected = { queueFull: 0, waitTimeout: 0, databaseUnavailable: 0 };

  function run(entry) {
    inFlight++;
    let released = false;
    entry.start(() => {
      if (released) return;
      released = true;
      inFlight--;
      next();
    });
  }
  function next() {
    while (inFlight < maxConcurrent && queue.length > 0) {
      const entry = queue.shift();
      clearTimeout(entry.timer);
      entry.done = true;
      run(entry);
    }
  }
  function enter(start, reject) {
    const entry = { start, reject, timer: null, done: false };
    if (inFlight < maxConcurrent && queue.length === 0) {
      entry.done = true;
      run(entry);
      return () => {};
    }
    if (now() < outageUntil) {
      rejected.databaseUnavailable++;
      reject("database_unavailable");
      return () => {};
    }
    if (queue.length >= queueLimit) {
      rejected.queueFull++;
      reject("queue_full");
      return () => {};
    }
    entry.timer = setTimeout(() => {
      if (entry.done) return;
      entry.done = true;
      queue.splice(queue.indexOf(entry), 1);
      rejected.waitTimeout++;
      reject("wait_timeout");
    }, queueWaitMs);
    queue.push(entry);
    return () => {
      if (entry.done) return;
      entry.done = true;
      clearTimeout(entry.timer);
      queue.splice(queue.indexOf(entry), 1);
    };
  }
  /** A request met an unavailable database: at the second within 5 s, empty the queue and do not queue for a while. */
  function noteOutage() {
    const t = now();
    const confirmed = t - lastOutageAt <= OUTAGE_FAIL_FAST_MS;
    lastOutageAt = t;
    if (!confirmed) return;
    outageUntil = t + OUTAGE_FAIL_FAST_MS;
    for (const entry of queue.splice(0)) {
      entry.done = true;
      clearTimeout(entry.timer);
      rejected.databaseUnavailable++;
      entry.reject("database_unavailable");
    }
  }
  /** A request was served without meeting an unavailable database: it is back, queue again at once. */
  function noteHealthy() {
    outageUntil = 0;
  }
  const stats = () => ({ inFlight, queued: queue.length, maxConcurrent, queueLimit, rejected: { ...rejected } });
  return { enter, noteOutage, noteHealthy, stats };
}

/** Cheap or health-critical routes never wait: assets, liveness, health, metrics. */
export function bypassesAdmission(url) {
  return /^\/(_next\/static\/|api\/live(\/|\?|$)|api\/health(\/|\?|$)|metrics(\/|\?|$)|fonts\/|favicon\.ico)/.test(url || "/");
}

/** The 503: JSON in the API's error shape for /api/, short plain text for pages. */
export function answerBusy(req, res, reason = "queue_full") {
  if (res.headersSent || res.destroyed) return;
  const api = /^\/api\//.test(req.url || "");
  const outage = reason === "database_unavailable";
  const message = outage ? "The database is unavailable; try again shortly" : "The server is busy; try again in a few seconds";
  const body = api ? JSON.stringify({ error: { code: outage ? "unavailable" : "busy", message } }) : `${message}.\n`;
  res.writeHead(503, {
    "content-type": api ? "application/json" : "text/plain; charset=utf-8",
    "retry-after": String(outage ? 5 : RETRY_AFTER_SECONDS),
    "cache-control": "no-store",
    "content-length": Buffer.byteLength(body),
  });
  res.end(body);
}

/**
 * Runs `handle()` for this request under the limiter (or answers it busy). The slot is released
 * when the response finishes or its connection closes; a client gone while queued leaves the queue.
 */
export function admitRequest(limiter, req, res, handle) {
  let cancel = () => {};
  let started = false;
  const onGone = () => {
    if (!started) cancel();
  };
  res.once("close", onGone);
  cancel = limiter.enter(
    (release) => {
      started = true;
      if (res.destroyed || res.writableEnded) {
        release();
        return;
      }
      res.once("finish", release);
      res.once("close", release);
      handle();
    },
    (reason) => answerBusy(req, res, reason),
  );
}
