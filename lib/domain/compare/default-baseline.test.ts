import { describe, expect, it } from "vitest";
import { pickDefaultBaseline, type BaselineCandidate } from "./default-baseline";

const run = (id: string, day: number, users: number | null, extra: Partial<BaselineCandidate> = {}): BaselineCandidate => ({
  id, seriesKey: null, users, isBaseline: false, startedAt: `2026-11-${String(day).padStart(2, "0")}T10:00:00.000Z`, createdAt: `2026-12-01T00:00:${String(day).padStart(2, "0")}.000Z`, ...extra,
});

describe("pickDefaultBaseline", () => {
  it("the series' marked baseline wins, even when it is newer or at another load", () => {
    const all = [run("a", 1, 50), run("b", 2, 100, { isBaseline: true }), run("c", 3, 50), run("d", 9, 200)];
    expect(pickDefaultBaseline(all[2], all)).toBe("b");
  });
  it("else the latest earlier run of the series at the same load", () => {
    const all = [run("a", 1, 50), run("b", 2, 100), run("c", 3, 50), run("d", 4, 50), run("e", 5, 50)];
    expect(pickDefaultBaseline(all[3], all)).toBe("c");
    expect(pickDefaultBaseline(all[0], all)).toBeNull();
    expect(pickDefaultBaseline(all[1], all)).toBeNull();
  });
  it("a marked baseline is compared with the previous run at its load, never itself", () => {
    const all = [run("a", 1, 50), run("b", 2, 50, { isBaseline: true })];
    expect(pickDefaultBaseline(all[1], all)).toBe("a");
  });
  it("only runs of the same series count", () => {
    const all = [run("a", 1, 50, { seriesKey: "checkout", isBaseline: true }), run("b", 2, 50, { seriesKey: "search" }), run("c", 3, 50, { seriesKey: "search" })];
    expect(pickDefaultBaseline(all[2], all)).toBe("b");
  });
  it("orders by start, else import time; ties on start go by import time", () => {
    const all = [run("a", 1, 10, { startedAt: null }), run("b", 2, 10, { startedAt: null })];
    expect(pickDefaultBaseline(all[1], all)).toBe("a");
    const tie = [run("x", 3, 10), { ...run("y", 3, 10), createdAt: "2026-12-01T00:00:09.000Z" }];
    expect(pickDefaultBaseline(tie[1], tie)).toBe("x");
    expect(pickDefaultBaseline(all[1], all)).toBe("a");
    expect(pickDefaultBaseline(all[0], all)).toBeNull();
  });
});
