import { describe, expect, it } from "vitest";
import { parseDay } from "../calendar";
import { placeMarkersOnDays, placeMarkersOnElapsed } from "./change-marker-axis";

const deploy = { at: "2026-01-15T14:30:00.000Z", label: "Deploy API", kind: "deploy" as const, version: "2.4.0" };
const config = { at: "2026-01-20T08:00:00.000Z", label: "Raise the connection pool to 150", kind: "config" as const, version: null };

describe("change markers on chart axes", () => {
  it("puts a marker on its UTC day and leaves out those outside the axis", () => {
    const from = parseDay("2026-01-10");
    const to = parseDay("2026-01-18");
    expect(placeMarkersOnDays([deploy, config], from, to)).toEqual([
      { x: parseDay("2026-01-15"), label: "deploy 2.4.0", title: "Deploy: Deploy API (2.4.0), 2026-01-15 14:30 UTC" },
    ]);
    expect(placeMarkersOnDays([config], from, parseDay("2026-01-20"))[0]).toMatchObject({ label: "Raise the connection po…" });
  });

  it("puts a marker at its elapsed seconds within a run", () => {
    // Run started 14:00, lasted one hour: the 14:30 deploy is at 1800 s; the config change is outside.
    expect(placeMarkersOnElapsed([deploy, config], "2026-01-15T14:00:00.000Z", 3600).map((m) => m.x)).toEqual([1800]);
    expect(placeMarkersOnElapsed([deploy], null, 3600)).toEqual([]);
  });
});
