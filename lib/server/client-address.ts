import "server-only";

/**
 * The client's address for throttling (failed logins, bad API tokens).
 *
 * The TCP peer is `x-launchgate-peer`, stamped by Launchgate's own server (scripts/serve.mjs) from
 * the socket, replacing any value a client sent. `X-Forwarded-For` is trusted only from
 * LAUNCHGATE_TRUSTED_PROXIES hops: the proxies append, so the address is the entry that many from
 * the right of `X-Forwarded-For, peer`. 0 (the default): the peer itself; whatever a client writes
 * into X-Forwarded-For is ignored. Under a bare `next start` (no peer header) the rightmost
 * X-Forwarded-For entry stands in for the peer: Next sets it from the socket when a request
 * carries none.
 */
export function resolveClientAddress(input: { forwardedFor: string | null | undefined; peer: string | null | undefined; trustedProxies: number }): string {
  const forwarded = (input.forwardedFor ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  const peer = input.peer?.trim() || forwarded.pop() || "";
  const chain = [...forwarded, peer].filter(Boolean);
  if (chain.length === 0) return "unknown";
  const hops = Math.max(0, Math.floor(input.trustedProxies));
  return normalize(chain[Math.max(0, chain.length - 1 - hops)]);
}

/** `::ffff:127.0.0.1` and `127.0.0.1` are one address. */
function normalize(address: string): string {
  return address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, "$1");
}

const PEER_HEADER = Symbol.for("launchgate.peerHeader");

/** The peer header's name when Launchgate's server stamps it; null under a bare `next start`. */
function peerHeaderName(): string | null {
  const name = (globalThis as unknown as Record<symbol, unknown>)[PEER_HEADER];
  return typeof name === "string" ? name : null;
}

export function trustedProxies(): number {
  const n = Number(process.env.LAUNCHGATE_TRUSTED_PROXIES ?? 0);
  return Number.isInteger(n) && n >= 0 ? n : 0;
}

type HeaderGetter = (name: string) => string | null | undefined;

/** The client address of a request, from a header getter (Request.headers or a plain object). */
export function clientAddressOf(get: HeaderGetter): string {
  const peerName = peerHeaderName();
  return resolveClientAddress({ forwardedFor: get("x-forwarded-for"), peer: peerName ? get(peerName) : null, trustedProxies: trustedProxies() });
}

/** For next-auth's `authorize(credentials, req)`, whose headers are a plain object. */
export function clientAddressOfHeaders(headers: Record<string, string | string[] | undefined> | undefined): string {
  return clientAddressOf((name) => {
    const v = headers?.[name];
    return Array.isArray(v) ? v.join(", ") : v;
  });
}
