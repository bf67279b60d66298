/**
 * The web server `npm start` runs (instead of a bare `next start`): Next.js in this process, behind
 * a plain node:http server that
 * - stamps the TCP peer's address on every request as `x-launchgate-peer` (a client-sent one is
 *   replaced), because a Next route handler cannot see the socket: lib/server/client-address.ts
 *   derives the client address from it and LAUNCHGATE_TRUSTED_PROXIES;
 * - runs each request in an AsyncLocalStorage whose flag lib/server/db-outage.ts sets when a query
 *   found the database unavailable: a page that met it before its first byte answers 503 with
 *   Retry-After (and renders its "database unavailable, retrying" state) instead of 200 or 500;
 * - admits at most LAUNCHGATE_MAX_CONCURRENT page renders and API requests at once, the rest in a
 *   bounded FIFO queue (LAUNCHGATE_QUEUE_LIMIT, LAUNCHGATE_QUEUE_WAIT_MS); one that cannot wait is
 *   answered 503 busy with Retry-After (scripts/lib/admission.mjs; its state is in /metrics);
 * - stops cleanly on SIGTERM/SIGINT, and by itself when its parent (the launcher) is gone
 *   (LAUNCHGATE_EXIT_WITH_PARENT=1, set by the launcher).
 * Plain JavaScript: it runs under node without a TypeScript loader, like `next start`.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import http from "node:http";
import os from "node:os";
import next from "next";
import { admitRequest, bypassesAdmission, createLimiter, readAdmissionConfig } from "./lib/admission.mjs";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOST || "127.0.0.1";
const PEER = "x-launchgate-peer";

let admission;
try {
  admission = readAdmissionConfig(process.env, os.availableParallelism());
} catch (err) {
  console.error(`[launchgate] ${err.message}`);
  process.exit(1);
}
const limiter = createLimiter(admission);
globalThis[Symbol.for("launchgate.admission")] = limiter;
const poolSize = Number(process.env.DATABASE_POOL_SIZE || 20);
if (admission.maxConcurrent > poolSize) {
  console.warn(`[launchgate] LAUNCHGATE_MAX_CONCURRENT=${admission.maxConcurrent} is above DATABASE_POOL_SIZE=${poolSize}: requests beyond the pool wait for a connection and may time out (503)`);
}

const requests = new AsyncLocalStorage();
globalThis[Symbol.for("launchgate.requestState")] = requests;
globalThis[Symbol.for("launchgate.peerHeader")] = PEER;

const app = next({ dev, hostname, port, dir: process.cwd() });
const handle = app.getRequestHandler();

/** Pages (not the API, not Next's assets): their status is ours to correct. */
function isPage(url) {
  return !/^\/(api\/|_next\/|metrics\b|favicon\.ico|fonts\/)/.test(url || "/");
}

/** While the head is not sent, a request that met an unavailable database becomes a 503. */
function answerOutagesWith503(res, state) {
  const writeHead = res.writeHead;
  res.writeHead = function (status, ...rest) {
    if (state.databaseUnavailable && (status === 200 || status >= 500)) {
      status = 503;
      this.setHeader("retry-after", "5");
      this.setHeader("cache-control", "no-store");
    }
    return writeHead.call(this, status, ...rest);
  };
}

await app.prepare();
const server = http.createServer((req, res) => {
  req.headers[PEER] = req.socket.remoteAddress ?? "";
  const state = { databaseUnavailable: false };
  if (isPage(req.url)) answerOutagesWith503(res, state);
  const run = () => requests.run(state, () => {
    handle(req, res).catch((err) => {
      console.error(err);
      if (!res.headersSent) res.writeHead(500).end("Internal Server Error");
      else if (!res.writableEnded) res.destroy();
    });
  });
  // A request that met an unavailable database: those waiting would meet it too (503 at once).
  const bypass = bypassesAdmission(req.url);
  res.once("close", () => {
    if (state.databaseUnavailable) limiter.noteOutage();
    else if (!bypass && res.writableFinished && res.statusCode < 500) limiter.noteHealthy();
  });
  if (bypass) run();
  else admitRequest(limiter, req, res, run);
});
server.keepAliveTimeout = 65_000;
server.listen(port, hostname, () => console.log(`  ▲ Next.js ${dev ? "dev" : "production"} server on http://${hostname}:${port}`));

let stopping = false;
function stop(code) {
  if (stopping) return;
  stopping = true;
  // Finish what is in flight for a moment, then go regardless.
  server.close();
  server.closeIdleConnections();
  setTimeout(() => server.closeAllConnections(), 2000).unref();
  const done = () => process.exit(code);
  app.close().then(done, done);
  setTimeout(done, 4000).unref();
}
process.on("SIGTERM", () => stop(0));
process.on("SIGINT", () => stop(0));
// The launcher stops us on its way out; should it die without doing so, we go too (it sets this).
if (process.env.LAUNCHGATE_EXIT_WITH_PARENT === "1") {
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) stop(0);
  }, 1000).unref();
}
