import http from "node:http";
import type { AddressInfo } from "node:net";

export interface Received { deliveryId: string; event: string; signature: string; body: string; at: number }

/**
 * A local HTTP receiver for tests: answers `failFirst` requests with 500 (or, with `slowFirst`,
 * takes them but answers after `slowMs`), then 200. It keeps every request and the set of delivery
 * ids it processed (a real receiver's idempotency check).
 */
export async function startReceiver(opts: { failFirst?: number; slowFirst?: number; slowMs?: number } = {}) {
  const requests: Received[] = [];
  const processed = new Set<string>();
  let n = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      n++;
      const r: Received = {
        deliveryId: String(req.headers["x-launchgate-delivery"] ?? ""), event: String(req.headers["x-launchgate-event"] ?? ""),
        signature: String(req.headers["x-launchgate-signature"] ?? ""), body: Buffer.concat(chunks).toString("utf8"), at: Date.now(),
      };
      requests.push(r);
      if (n <= (opts.failFirst ?? 0)) { res.writeHead(500).end("not now"); return; }
      processed.add(r.deliveryId);
      if (n <= (opts.failFirst ?? 0) + (opts.slowFirst ?? 0)) { setTimeout(() => res.writeHead(200).end("ok"), opts.slowMs ?? 1000); return; }
      res.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return { url, requests, processed, close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }) };
}
