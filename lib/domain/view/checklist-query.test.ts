import { describe, expect, it } from "vitest";
import { checklistSearch, DEFAULT_CHECKLIST_QUERY, isChecklistFiltered, parseChecklistQuery, updateChecklistQuery } from "./checklist-query";
import { canAcceptRisk, formatEstimate, isAcceptanceCurrent, isOverdue } from "./checklist-format";

describe("checklist URL state", () => {
  it("parses every parameter and writes the same URL back", () => {
    const q = parseChecklistQuery(new URLSearchParams("q=pool&category=cat_1&priority=P1&status=OPEN&evidence=expiring&sort=dueDate&dir=desc&page=3&pageSize=100"));
    expect(q).toEqual({ q: "pool", category: "cat_1", priority: "P1", status: "OPEN", evidence: "expiring", sort: "dueDate", dir: "desc", page: 3, pageSize: 100 });
    expect(checklistSearch(q)).toBe("?q=pool&category=cat_1&priority=P1&status=OPEN&evidence=expiring&sort=dueDate&dir=desc&page=3&pageSize=100");
  });

  it("falls back to defaults for bad values instead of failing", () => {
    expect(parseChecklistQuery({ priority: "P9", status: "x", evidence: "soon", sort: "password", dir: "up", page: "-1", pageSize: "7", category: "a b;" })).toEqual(DEFAULT_CHECKLIST_QUERY);
    expect(parseChecklistQuery({ page: ["2", "5"], q: ["  spaced  "] })).toMatchObject({ page: 2, q: "spaced" });
    expect(parseChecklistQuery({ q: "x".repeat(500) }).q).toHaveLength(200);
    expect(checklistSearch(DEFAULT_CHECKLIST_QUERY)).toBe("");
  });

  it("goes back to page 1 on any change but the page", () => {
    const q = { ...DEFAULT_CHECKLIST_QUERY, page: 4 };
    expect(updateChecklistQuery(q, { status: "DONE" }).page).toBe(1);
    expect(updateChecklistQuery(q, { page: 5 }).page).toBe(5);
    expect(isChecklistFiltered(q)).toBe(false);
    expect(isChecklistFiltered({ ...q, q: "x" })).toBe(true);
    expect(isChecklistFiltered({ ...q, evidence: "expired" })).toBe(true);
  });
});

describe("checklist formatting", () => {
  it("formats estimates with their range", () => {
    expect(formatEstimate({ estimateHours: 6, estimateLowHours: 6, estimateHighHours: 6 })).toBe("6 h");
    expect(formatEstimate({ estimateHours: 4, estimateLowHours: 4, estimateHighHours: 8 })).toBe("4 h (4–8)");
    expect(formatEstimate({ estimateHours: 2.5, estimateLowHours: null, estimateHighHours: 5 })).toBe("2.5 h (?–5)");
    expect(formatEstimate({ estimateHours: null, estimateLowHours: null, estimateHighHours: null })).toBe("—");
  });

  it("knows overdue items, current acceptances and what may be accepted", () => {
    expect(isOverdue({ dueDate: "2026-01-17", status: "OPEN" }, "2026-01-18")).toBe(true);
    expect(isOverdue({ dueDate: "2026-01-17", status: "DONE" }, "2026-01-18")).toBe(false);
    expect(isOverdue({ dueDate: "2026-01-18", status: "OPEN" }, "2026-01-18")).toBe(false);
    expect(isAcceptanceCurrent({ expiresOn: "2026-01-18" }, "2026-01-18")).toBe(true);
    expect(isAcceptanceCurrent({ expiresOn: "2026-01-17" }, "2026-01-18")).toBe(false);
    expect(canAcceptRisk({ priority: "P1", status: "IN_PROGRESS" })).toBe(true);
    expect(canAcceptRisk({ priority: "P2", status: "OPEN" })).toBe(false);
    expect(canAcceptRisk({ priority: "P1", status: "DONE" })).toBe(false);
  });
});
