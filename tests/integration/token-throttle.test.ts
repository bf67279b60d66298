import { describe, expect, it } from "vitest";
import { TooManyRequestsError, UnauthorizedError } from "@/lib/server/errors";

describe("API token throttling", () => {
  it("refuses an address with 429 after 20 invalid tokens in 15 minutes, other addresses unaffected", async () => {
    process.env.DATABASE_URL ??= "postgresql://nobody@127.0.0.1:1/none";
    const { getTokenPrincipal } = await import("@/lib/server/access");
    const { limiters } = await import("@/lib/server/rate-limit");
    // Invalid tokens are recorded before the database is asked (the limiter check comes first).
    for (let i = 0; i < 20; i++) limiters.badTokenIp.hit("b:203.0.113.9");
    await expect(getTokenPrincipal("Bearer lg_guess", "203.0.113.9")).rejects.toBeInstanceOf(TooManyRequestsError);
    const err = await getTokenPrincipal("Bearer lg_guess", "203.0.113.9").catch((e) => e);
    expect(err.retryAfterSeconds).toBeGreaterThan(0);
    await expect(getTokenPrincipal("Basic abc", "198.51.100.1")).rejects.toBeInstanceOf(UnauthorizedError);
  });
});
