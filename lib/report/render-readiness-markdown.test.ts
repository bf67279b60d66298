import { describe, expect, it } from "vitest";
import { escapeMarkdown, table } from "./markdown-escape";

describe("Markdown safety", () => {
  it("neutralises links, images, HTML, headings and table breaks in untrusted text", () => {
    const evil = "# Title [click](http://evil) ![x](http://e/x.png) <script>alert(1)</script> | col\nnew line *em* `code`";
    const out = escapeMarkdown(evil);
    expect(out).not.toMatch(/(^|[^\\])\[/);
    expect(out).not.toMatch(/(^|[^\\])</);
    expect(out).not.toMatch(/(^|[^\\])\|/);
    expect(out).not.toContain("\n");
    expect(out.startsWith("\\#")).toBe(true);
  });

  it("keeps a table row one row whatever the cell holds", () => {
    const t = table(["a", "b"], [["x | y\n| z", null]]);
    const lines = t.split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe("| x \\| y \\| z | — |");
  });
});

describe("report: confidence and expired evidence", () => {
  it("states the confidence next to the verdict and lists expired evidence", async () => {
    const { computeReadiness } = await import("@/lib/domain");
    const { makeCategory, makeItem, makeRun, makeSettings } = await import("@/lib/domain/test-fixtures");
    const { renderReadinessMarkdown } = await import("./render-readiness-markdown");
    const readiness = computeReadiness({
      settings: makeSettings(), categories: [makeCategory("sec", { name: "Security", evidenceValidDays: 30 })],
      items: [makeItem({ categoryId: "sec", title: "Pen test", status: "DONE", evidenceAt: "2026-01-01T10:00:00Z" })],
      events: [], runs: [makeRun(250, { durationSeconds: 60 })], stabilityRun: null, objectives: [], gateWaivers: [], asOf: "2026-01-31",
    });
    const md = renderReadinessMarkdown({
      project: { slug: "p", name: "P" }, asOf: "2026-01-31", readiness, openItems: [], decisions: [], generatedAt: "2026-01-31 10:00 UTC",
    });
    expect(md).toContain("**Measurement confidence: low**\n- The decisive level (250 users) was measured for 1 min, less than the 5 min required");
    expect(md).toContain("- The capacity verdict rests on a single run");
    expect(md).toContain("- Pen test: evidence expired on 2026-01-31 (counted as not done)");
  });
});
