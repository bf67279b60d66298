import { describe, expect, it } from "vitest";
import { RateLimiter } from "./rate-limit";

describe("RateLimiter", () => {
  it("allows `limit` hits per window, then says how long to wait, then allows again", () => {
    const l = new RateLimiter(3, 60_000);
    expect([l.hit("k", 0), l.hit("k", 1), l.hit("k", 2)]).toEqual([0, 0, 0]);
    expect(l.check("k", 3)).toBe(60);
    expect(l.hit("k", 30_000)).toBe(30);
    expect(l.hit("other", 30_000)).toBe(0);
    expect(l.hit("k", 60_001)).toBe(0);
  });
  it("reset forgets a key", () => {
    const l = new RateLimiter(1, 1000);
    l.hit("k", 0);
    l.reset("k");
    expect(l.check("k", 1)).toBe(0);
  });
});
