import { describe, expect, it } from "vitest";
import stabilityJson from "../../prisma/seed/plan-a-day3-stability.json";
import week9Json from "../../prisma/seed/week9-day4.json";
import { computeReadiness, mapStabilityScenario, mapWeek9Scenario } from "@/lib/domain";
import { computeChanges } from "@/lib/domain/history/compute-changes";
import { created, event, makeTimeline, timelineItem } from "@/lib/domain/history/history-fixtures";
import { computeFastestPaths } from "@/lib/domain/paths/compute-paths";
import { renderChanges, renderPaths } from "./render-paths-and-changes";

describe("report sections", () => {
  it("renders both paths of the week9-day4 data with their items and gate actions", () => {
    const input = { ...mapWeek9Scenario(week9Json), stabilityRun: mapStabilityScenario(stabilityJson).stabilityRun };
    const md = renderPaths(computeFastestPaths(input, computeReadiness(input))).join("\n\n");
    expect(md).toContain("### To GO\nClose 21 open P1 item(s) (89 h): 2026-01-30");
    expect(md).toContain("- objectives: measure RTO (target \\< 4 h); bring RPO from 24 h to \\< 1 h");
    expect(md).toMatch(/### To CONDITIONAL GO\nClose 11 item\(s\) \([\d.]+ h, the exact minimum\).*accept the other 10 open P1 item\(s\) as risks/);
  });

  it("renders what changed with each delta and the total, escaping item titles", () => {
    const a = timelineItem("a", { title: "Fix *auth* | now" }), b = timelineItem("b");
    const t = makeTimeline({ items: [a, b], events: [created(a, "2026-01-02T09:00:00Z"), created(b, "2026-01-02T09:00:00Z"), event("a", "2026-01-03T10:00:00Z", "status", "OPEN", "DONE")] });
    const md = renderChanges(computeChanges(t, "2026-01-02", "2026-01-03")).join("\n\n");
    expect(md).toContain("From 2026-01-02 (0.0%, NO-GO) to 2026-01-03 (50.0%, NO-GO): +50.0 points.");
    expect(md).toContain("| 2026-01-03 10:00 | Fix \\*auth\\* \\| now | Security | resolved | OPEN → DONE | \\+50.0 |");
  });
});
