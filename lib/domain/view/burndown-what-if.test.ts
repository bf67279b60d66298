import { describe, expect, it } from "vitest";
import { computeWhatIf } from "./burndown-what-if";

const week = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] as const;
const blockers = [
  { id: "a", hours: 40, deferrable: false },
  { id: "b", hours: 30.5, deferrable: true },
  { id: "c", hours: 18.5, deferrable: false },
];

describe("computeWhatIf", () => {
  it("with nothing deferred gives the deterministic date (89 h / 8 → 12 days after 2026-01-18)", () => {
    expect(computeWhatIf(blockers, new Set(), { teamHoursPerDay: 8, workingDays: week }, "2026-01-18")).toEqual({
      keptHours: 89, deferredHours: 0, deferredCount: 0, date: "2026-01-30", workingDays: 12, daysSaved: 0,
    });
  });
  it("leaves deferred items out and says how many days that saves", () => {
    const r = computeWhatIf(blockers, new Set(["b"]), { teamHoursPerDay: 8, workingDays: week }, "2026-01-18");
    expect(r).toMatchObject({ keptHours: 58.5, deferredHours: 30.5, deferredCount: 1, workingDays: 8, date: "2026-01-26", daysSaved: 4 });
  });
  it("counts working days only (Mon–Fri)", () => {
    const r = computeWhatIf(blockers, new Set(["a", "b"]), { teamHoursPerDay: 8, workingDays: ["Mon", "Tue", "Wed", "Thu", "Fri"] }, "2026-01-16");
    expect(r).toMatchObject({ keptHours: 18.5, workingDays: 3, date: "2026-01-21" });
  });
  it("has no date without team hours or working days; all deferred is day 0", () => {
    expect(computeWhatIf(blockers, new Set(), { teamHoursPerDay: 0, workingDays: week }, "2026-01-18")).toMatchObject({ date: null, daysSaved: null });
    expect(computeWhatIf(blockers, new Set(), { teamHoursPerDay: 8, workingDays: [] }, "2026-01-18").date).toBeNull();
    expect(computeWhatIf(blockers, new Set(["a", "b", "c"]), { teamHoursPerDay: 8, workingDays: week }, "2026-01-18")).toMatchObject({ date: "2026-01-18", workingDays: 0, daysSaved: 12 });
    expect(computeWhatIf([], new Set(), { teamHoursPerDay: 8, workingDays: week }, "2026-01-18")).toMatchObject({ keptHours: 0, date: "2026-01-18" });
  });
});
