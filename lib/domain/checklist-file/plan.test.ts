import { describe, expect, it } from "vitest";
import type { DomainItem } from "../types";
import { stringifyChecklist, toChecklistFile } from "./export-model";
import { parseChecklistText } from "./parse";
import { computeChecklistPlan, isEmptyPlan } from "./plan";
import { computePlannedScore } from "./planned-score";
import type { TChecklistFile } from "./schema";
import type { ChecklistItemState, ChecklistState } from "./state";

function item(key: string, categoryId: string, over: Partial<ChecklistItemState> = {}): ChecklistItemState {
  return {
    id: `id-${key}`, key, categoryId, title: `Title ${key}`, description: null, priority: "P1", estimateHours: 4, estimateLowHours: null, estimateHighHours: null,
    owner: null, deferrable: false, evidenceValidDays: null, status: "OPEN", version: 1, retired: false, retiredFromStatus: null, runOpened: false, ...over,
  };
}

function state(): ChecklistState {
  return {
    categories: [
      { id: "c-ops", key: "operations", name: "Operations", weight: 1, position: 0 },
      { id: "c-sec", key: "security", name: "Security", weight: 2, position: 3 },
    ],
    items: [
      item("runbook", "c-ops", { status: "DONE", owner: "sre", description: "Line one\nline two", estimateLowHours: 2, estimateHighHours: 9 }),
      item("on-call", "c-ops", { priority: "P2", estimateHours: null }),
      item("tls", "c-sec", { deferrable: true, evidenceValidDays: 90 }),
      item("load-300", "c-ops", { runOpened: true, title: "Load test at 300 users is red" }),
      item("old", "c-sec", { retired: true, status: "NOT_APPLICABLE", retiredFromStatus: "IN_PROGRESS" }),
    ],
  };
}

function roundTrip(s: ChecklistState, format: "yaml" | "json"): TChecklistFile {
  const text = stringifyChecklist(toChecklistFile(s), format, { projectName: "Demo", slug: "demo", date: "2026-01-18", schemaUrl: "http://x/api/v1/schema/checklist.json" });
  const parsed = parseChecklistText(text, format);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.file;
}

function plan(s: ChecklistState, f: TChecklistFile, prune = false) {
  const r = computeChecklistPlan(s, f, { prune });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r;
}

describe("export then plan", () => {
  it.each(["yaml", "json"] as const)("is a no-op through %s", (format) => {
    const s = state();
    const file = roundTrip(s, format);
    const r = plan(s, file, true);
    expect(isEmptyPlan(r.plan)).toBe(true);
    expect(r.plan.unchanged).toBe(3);
  });

  it("leaves out run-opened and retired items and names the project in a header", () => {
    const text = stringifyChecklist(toChecklistFile(state()), "yaml", { projectName: "Demo", slug: "demo", date: "2026-01-18" });
    expect(text).toMatch(/^# Launchgate checklist of Demo \(demo\), exported 2026-01-18/);
    expect(text).not.toContain("load-300");
    expect(text).not.toContain("key: old");
    expect(text).toContain("estimate:\n          low: 2\n          likely: 4\n          high: 9");
  });
});

describe("computeChecklistPlan", () => {
  it("creates, updates with field diffs and lists retires; prune writes them", () => {
    const s = state();
    const f = roundTrip(s, "yaml");
    f.categories[0].items = f.categories[0].items.filter((i) => i.key !== "on-call");
    f.categories[0].items[0].title = "Runbook, reviewed";
    f.categories[0].items[0].priority = "P2";
    f.categories[1].items.push({ key: "waf", title: "Web application firewall", priority: "P1", estimate: 6 });
    f.categories.push({ key: "docs", name: "Documentation", items: [{ key: "readme", title: "README", priority: "P3" }] });
    const left = plan(s, f);
    expect(left.plan.create.map((c) => c.key)).toEqual(["waf", "readme"]);
    expect(left.plan.update).toEqual([{ key: "runbook", title: "Runbook, reviewed", fields: { title: { from: "Title runbook", to: "Runbook, reviewed" }, priority: { from: "P1", to: "P2" } } }]);
    expect(left.plan.retire.map((r) => r.key)).toEqual(["on-call"]);
    expect(left.writes.retireItems).toEqual([]);
    expect(left.plan.categories.create).toEqual([{ key: "docs", name: "Documentation" }]);
    expect(left.writes.categories.create[0].position).toBe(4);
    expect(plan(s, f, true).writes.retireItems).toEqual([{ id: "id-on-call", key: "on-call", status: "OPEN" }]);
  });

  it("brings a retired key back with its earlier status", () => {
    const s = state();
    const f = roundTrip(s, "yaml");
    f.categories[1].items.push({ key: "old", title: "Title old", priority: "P1", estimate: 4 });
    const r = plan(s, f);
    expect(r.plan.update).toEqual([{ key: "old", title: "Title old", fields: { status: { from: "NOT_APPLICABLE", to: "IN_PROGRESS" } }, restore: true }]);
    expect(r.writes.updateItems[0].restoreStatus).toBe("IN_PROGRESS");
  });

  it("keeps the owner when the file leaves it out, clears it on null, moves categories", () => {
    const s = state();
    const f = roundTrip(s, "yaml");
    delete f.categories[0].items[0].owner;
    expect(isEmptyPlan(plan(s, f).plan)).toBe(true);
    f.categories[0].items[0].owner = null;
    const moved = f.categories[0].items.splice(1, 1)[0];
    f.categories[1].items.push(moved);
    const r = plan(s, f);
    expect(r.plan.update.map((u) => [u.key, u.fields])).toEqual([
      ["runbook", { owner: { from: "sre", to: null } }],
      ["on-call", { category: { from: "operations", to: "security" } }],
    ]);
  });

  it("renames, reweights and reorders categories by key; gaps in positions are no change", () => {
    const s = state();
    const f = roundTrip(s, "yaml");
    f.categories.reverse();
    f.categories[0].name = "Security & privacy";
    f.categories[0].weight = 1;
    const r = plan(s, f);
    expect(r.plan.categories.update).toEqual([
      { key: "security", fields: { name: { from: "Security", to: "Security & privacy" }, weight: { from: 2, to: 1 }, position: { from: 3, to: 0 } } },
      { key: "operations", fields: { position: { from: 0, to: 1 } } },
    ]);
  });

  it("refuses a key of a run-opened item and a category name used twice", () => {
    const s = state();
    const f = roundTrip(s, "yaml");
    f.categories[0].items.push({ key: "load-300", title: "Mine now", priority: "P1" });
    expect(computeChecklistPlan(s, f, { prune: false })).toMatchObject({ ok: false, issues: [{ path: "categories[0].items[2].key" }] });
    const g = roundTrip(s, "yaml");
    g.categories.push({ key: "sec2", name: "security", items: [] });
    expect(computeChecklistPlan(s, g, { prune: false })).toMatchObject({ ok: false, issues: [{ path: "categories[2].name" }] });
  });
});

describe("computePlannedScore", () => {
  it("scores the plan with the real formula: new P1 items open, retired ones out", () => {
    const s = state();
    const domain: DomainItem[] = s.items.map((i) => ({
      id: i.id, categoryId: i.categoryId, title: i.title, priority: i.priority, status: i.status, estimateHours: i.estimateHours,
      estimateLowHours: i.estimateLowHours, estimateHighHours: i.estimateHighHours, deferrable: i.deferrable, createdAt: "2026-01-01T00:00:00Z", riskAcceptance: null,
    }));
    const f = roundTrip(s, "yaml");
    f.categories[1].items.push({ key: "waf", title: "WAF", priority: "P1" });
    const r = plan(s, f);
    // Operations: runbook DONE of runbook, load-300; Security (weight 2): tls open → 1 / (2 + 2×1) = 25 %; WAF → 1 / (2 + 2×2)
    const score = computePlannedScore(s.categories, domain, r.writes, "2026-01-18");
    expect(score.before).toBe(25);
    expect(score.after).toBe(16.7);
  });
});
