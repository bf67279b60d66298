import { describe, expect, it } from "vitest";
import { importUrl, splitProgress } from "@/components/import/upload-run";

describe("upload progress per file (components/import/upload-run.ts)", () => {
  it("fills the files in the order they travel in the multipart body", () => {
    const sizes = [100, 300, 0];
    const total = 400 + 300; // 100 bytes of headers and boundary per part
    expect(splitProgress(0, total, sizes)).toEqual([0, 0, 0]);
    expect(splitProgress(150, total, sizes)).toEqual([0.5, 0, 0]);
    expect(splitProgress(250, total, sizes)).toEqual([1, 0, 0]);
    expect(splitProgress(400, total, sizes)).toEqual([1, 1 / 3, 0]);
    expect(splitProgress(total, total, sizes)).toEqual([1, 1, 1]);
  });

  it("puts only the given options in the query string", () => {
    expect(importUrl("agent-platform", { name: " Peak ", kind: "", users: "" }, true)).toBe("/api/v1/projects/agent-platform/runs?dryRun=1&name=Peak");
    expect(importUrl("a b", { name: "", kind: "STRESS", users: "300" }, false)).toBe("/api/v1/projects/a%20b/runs?kind=STRESS&users=300");
    expect(importUrl("p", { name: "", kind: "", users: "", series: " Checkout-Staging " }, false)).toBe("/api/v1/projects/p/runs?series=checkout-staging");
  });
});
