import { afterEach, describe, expect, it } from "vitest";
import { clientIpOf } from "./api/route-handler";
import { clientAddressOfHeaders, resolveClientAddress } from "./client-address";

const PEER = Symbol.for("launchgate.peerHeader");
const g = globalThis as unknown as Record<symbol, unknown>;
afterEach(() => {
  delete g[PEER];
  delete process.env.LAUNCHGATE_TRUSTED_PROXIES;
});

describe("resolveClientAddress", () => {
  it("0 trusted proxies (the default): the socket address; X-Forwarded-For, which a client writes, is ignored", () => {
    expect(resolveClientAddress({ forwardedFor: "6.6.6.6", peer: "203.0.113.7", trustedProxies: 0 })).toBe("203.0.113.7");
    expect(resolveClientAddress({ forwardedFor: null, peer: "::ffff:127.0.0.1", trustedProxies: 0 })).toBe("127.0.0.1");
  });
  it("N trusted proxies: the entry N from the right of X-Forwarded-For + peer", () => {
    // client → proxy (appends the client) → app; the client forged a first entry.
    expect(resolveClientAddress({ forwardedFor: "6.6.6.6, 198.51.100.4", peer: "10.0.0.2", trustedProxies: 1 })).toBe("198.51.100.4");
    // client → CDN → nginx → app
    expect(resolveClientAddress({ forwardedFor: "6.6.6.6, 198.51.100.4, 172.16.0.9", peer: "10.0.0.2", trustedProxies: 2 })).toBe("198.51.100.4");
    // fewer hops than configured (someone reached the app directly): the leftmost entry
    expect(resolveClientAddress({ forwardedFor: null, peer: "10.0.0.2", trustedProxies: 1 })).toBe("10.0.0.2");
  });
  it("without a peer (a bare `next start`) the rightmost X-Forwarded-For entry, which Next sets from the socket", () => {
    expect(resolveClientAddress({ forwardedFor: "127.0.0.1", peer: null, trustedProxies: 0 })).toBe("127.0.0.1");
    expect(resolveClientAddress({ forwardedFor: null, peer: null, trustedProxies: 0 })).toBe("unknown");
  });
});

describe("the address the throttles use", () => {
  it("API routes: the peer stamped by Launchgate's server, not a forged X-Forwarded-For", () => {
    g[PEER] = "x-launchgate-peer";
    const req = new Request("http://x/api", { headers: { "x-forwarded-for": "6.6.6.6", "x-launchgate-peer": "203.0.113.7" } });
    expect(clientIpOf(req)).toBe("203.0.113.7");
    process.env.LAUNCHGATE_TRUSTED_PROXIES = "1";
    expect(clientIpOf(req)).toBe("6.6.6.6");
  });
  it("sign-in (next-auth's plain header object) uses the same rule", () => {
    g[PEER] = "x-launchgate-peer";
    expect(clientAddressOfHeaders({ "x-forwarded-for": "6.6.6.6, 198.51.100.4", "x-launchgate-peer": "10.0.0.2" })).toBe("10.0.0.2");
    process.env.LAUNCHGATE_TRUSTED_PROXIES = "1";
    expect(clientAddressOfHeaders({ "x-forwarded-for": "6.6.6.6, 198.51.100.4", "x-launchgate-peer": "10.0.0.2" })).toBe("198.51.100.4");
  });
  it("a peer header is not trusted when Launchgate's server did not stamp it (bare `next start`)", () => {
    const req = new Request("http://x/api", { headers: { "x-forwarded-for": "127.0.0.1", "x-launchgate-peer": "1.1.1.1" } });
    expect(clientIpOf(req)).toBe("127.0.0.1");
  });
});
