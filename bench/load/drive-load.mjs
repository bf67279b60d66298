/**
 * bench/load's load generator: one level of one phase with autocannon, in its own process so that
 * bench/load/run.ts can pin it to another core than the server's. Reads its spec from the JSON file
 * named by argv[2]; prints one JSON line with the figures on stdout.
 *   spec: { url, connections, seconds, phase: "mix" | "ceiling", slug?, cookie?, token?, items?: [{ id, version }] }
 * The mix's writers take an item no other connection is writing (a free list) and put it back with
 * the version the response gave, so the optimistic lock has nothing to refuse.
 */
import fs from "node:fs";
import autocannon from "autocannon";

const spec = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const statuses = {};
function count(route, status) {
  const m = (statuses[route] ??= {});
  m[status] = (m[status] ?? 0) + 1;
}

function mixRequests() {
  const { slug, cookie, token } = spec;
  const auth = { authorization: `Bearer ${token}` };
  const free = spec.items.map((i) => ({ ...i }));
  return [
    { method: "GET", path: `/projects/${slug}`, headers: { cookie }, onResponse: (st) => count("overview page", st) },
    { method: "GET", path: `/api/v1/projects/${slug}/readiness`, headers: auth, onResponse: (st) => count("readiness API", st) },
    { method: "GET", path: `/api/v1/projects/${slug}/items?pageSize=50&sort=priority`, headers: auth, onResponse: (st) => count("items API", st) },
    {
      method: "PATCH",
      setupRequest: (req, context) => {
        const item = free.shift();
        if (!item) throw new Error("more writers than items");
        context.item = item;
        const body = JSON.stringify({ status: item.version % 2 ? "IN_PROGRESS" : "OPEN", version: item.version });
        return { ...req, path: `/api/v1/projects/${slug}/items/${item.id}`, headers: { ...auth, "content-type": "application/json" }, body };
      },
      onResponse: (status, body, context) => {
        count("item PATCH", status);
        const item = context.item;
        if (!item) return;
        if (status === 200) item.version = JSON.parse(body).version;
        free.push(item);
        context.item = undefined;
      },
    },
  ];
}

const latencies = [];
const instance = autocannon({
  url: spec.phase === "ceiling" ? `${spec.url}/api/live` : spec.url,
  connections: spec.connections,
  duration: spec.seconds,
  timeout: 60,
  ...(spec.phase === "mix" ? { requests: mixRequests() } : {}),
});
if (spec.phase === "ceiling") instance.on("response", (_c, st) => count("live", st));
instance.on("response", (_c, _st, _b, t) => latencies.push(t));
const r = await instance;
latencies.sort((a, b) => a - b);
const pct = (p) => (latencies.length ? Math.round(latencies[Math.ceil(p * latencies.length) - 1]) : NaN);
console.log(JSON.stringify({
  rps: r.requests.average, total: r.requests.total, p50: pct(0.5), p95: pct(0.95), p99: pct(0.99),
  errors: r.errors, timeouts: r.timeouts, non2xx: r.non2xx, statuses,
}));
