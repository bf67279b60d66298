import { describe, expect, it } from "vitest";
import { groupBlockers, type BlockerItem } from "./readiness-blocker-groups";

const item = (id: string, o: Partial<BlockerItem>): BlockerItem => ({
  id, title: id, categoryId: "sec", category: "Security", categoryPosition: 1, status: "OPEN", estimateHours: 1,
  owner: null, dueDate: null, deferrable: false, version: 1, riskAcceptance: null, ...o,
});
const accept = (expiresOn: string) => ({ id: "ra", mitigation: "watch it", expiresOn, acceptedBy: "Lee" });

describe("groupBlockers", () => {
  it("groups blocking items by category order, biggest first, and keeps current acceptances apart", () => {
    const r = groupBlockers([
      item("s1", { estimateHours: 2 }),
      item("s2", { estimateHours: 4 }),
      item("i1", { categoryId: "inf", category: "Infrastructure", categoryPosition: 0, estimateHours: 6 }),
      item("a1", { estimateHours: 3, riskAcceptance: accept("2026-02-01") }),
      item("x1", { estimateHours: 5, riskAcceptance: accept("2026-01-10") }),
      item("n1", { estimateHours: null }),
    ], "2026-01-18");
    expect(r.groups.map((g) => [g.category, g.items.map((i) => i.id), g.hours])).toEqual([
      ["Infrastructure", ["i1"], 6],
      ["Security", ["x1", "s2", "s1", "n1"], 11],
    ]);
    expect(r.accepted.map((i) => i.id)).toEqual(["a1"]);
    expect(r).toMatchObject({ blockingCount: 5, blockingHours: 17, acceptedHours: 3 });
  });
  it("an acceptance holds through its expiry day", () => {
    expect(groupBlockers([item("a", { riskAcceptance: accept("2026-01-18") })], "2026-01-18").accepted).toHaveLength(1);
    expect(groupBlockers([item("a", { riskAcceptance: accept("2026-01-18") })], "2026-01-19").accepted).toHaveLength(0);
  });
  it("is empty for no items", () => {
    expect(groupBlockers([], "2026-01-18")).toEqual({ groups: [], accepted: [], blockingCount: 0, blockingHours: 0, acceptedHours: 0 });
  });
});
