/**
 * bench/load's load generator: one level of one phase with autocannon, in its own process so that
 * bench/load/run.ts can pin it to another core than the server's. Reads its spec from the JSON file
 * named by argv[2]; prints one JSON line with the figures on stdout.
 *   spec: { url, connections, seconds, phase: "mix" | "ceiling", slug?, cookie?, token?, items?: [{ id, version }] }
 * The mix's writers (every fourth request) take an item no other connection is writing (a free list) and put it back with
 * the version the response gave, so the optimistic lock has nothing to refuse.
 */
import fs from "node:fs";
import autocannon from "autocannon";

const spec = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const statuses = {};
/** What the 5xx said (at most 5 different answers), to tell a full queue from a timed-out query. */
const failures = new Set();
function count(route, status, body) {
  if (status >= 500 && failures.size < 5) failures.add(`${route} ${status}: ${String(body ?? "").trim().slice(0, 120)}`);
  const m = (statuses[route] ??= {});
  m[status] = (m[status] ?? 0) + 1;
}

/**
 * The mix as ONE request whose route rotates over all connections (overview, readiness, items,
 * PATCH, overview, …), so that the share of each route is the same at every level from the first
 * second on (a list of four would start all connections on the overview page at once).
 */
function mixRequests() {
  const { slug, cookie, token } = spec;
  const auth = { authorization: `Bearer ${token}` };
  const free = spec.items.map((i) => ({ ...i }));
  const routes = [
    { name: "overview page", path: `/projects/${slug}`, headers: { cookie } },
    { name: "readiness API", path: `/api/v1/projects/${slug}/readiness`, headers: auth },
    { name: "items API", path: `/api/v1/projects/${slug}/items?pageSize=50&sort=priority`, headers: auth },
    { name: "item PATCH" },
  ];
  let turn = 0;
  return [{
    method: "GET",
    setupRequest: (req, context) => {
      const route = routes[turn++ % routes.length];
      context.route = route.name;
      if (route.path) return { ...req, method: "GET", path: route.path, headers: route.headers, body: undefined };
      const item = free.shift();
      if (!item) throw new Error("more writers than items");
      context.item = item;
      const body = JSON.stringify({ status: item.version % 2 ? "IN_PROGRESS" : "OPEN", version: item.version });
      return { ...req, method: "PATCH", path: `/api/v1/projects/${slug}/items/${item.id}`, headers: { ...auth, "content-type": "application/json" }, body };
    },
    onResponse: (status, body, context) => {
      count(context.route, status, body);
      const item = context.item;
      if (!item) return;
      if (status === 200) item.version = JSON.parse(body).version;
      free.push(item);
    },
  }];
}

const latencies = [];
const instance = autocannon({
  url: spec.phase === "ceiling" ? `${spec.url}/api/live` : spec.url,
  connections: spec.connections,
  duration: spec.seconds,
  timeout: 120,
  ...(spec.phase === "mix" ? { requests: mixRequests() } : {}),
});
if (spec.phase === "ceiling") instance.on("response", (_c, st) => count("live", st));
instance.on("response", (_c, _st, _b, t) => latencies.push(t));
const r = await instance;
latencies.sort((a, b) => a - b);
const pct = (p) => (latencies.length ? Math.round(latencies[Math.ceil(p * latencies.length) - 1]) : NaN);
console.log(JSON.stringify({
  rps: r.requests.average, total: r.requests.total, p50: pct(0.5), p95: pct(0.95), p99: pct(0.99),
  errors: r.errors, timeouts: r.timeouts, non2xx: r.non2xx, statuses, failures: [...failures], cpu: (process.cpuUsage().user + process.cpuUsage().system) / 1e6 / spec.seconds,
}));
