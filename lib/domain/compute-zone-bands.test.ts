import { describe, expect, it } from "vitest";
import { computeZoneBands } from "./compute-zone-bands";
import type { Zone } from "./types";

const levels = (...pairs: [number, Zone][]) => pairs.map(([users, zone]) => ({ users, zone }));

describe("computeZoneBands", () => {
  it("applies the midpoint rule with one intermediate step", () => {
    expect(computeZoneBands(levels([10, "green"], [50, "green"], [100, "green"], [200, "yellow"], [300, "death"], [500, "death"])))
      .toEqual([
        { zone: "green", fromUsers: 0, toUsers: 150 },
        { zone: "yellow", fromUsers: 150, toUsers: 250 },
        { zone: "red", fromUsers: 250, toUsers: 300 },
        { zone: "death", fromUsers: 300, toUsers: null },
      ]);
  });

  it("goes green -> yellow (mid to L2) -> death when jumping several zones", () => {
    expect(computeZoneBands(levels([100, "green"], [200, "death"]))).toEqual([
      { zone: "green", fromUsers: 0, toUsers: 150 },
      { zone: "yellow", fromUsers: 150, toUsers: 200 },
      { zone: "death", fromUsers: 200, toUsers: null },
    ]);
  });

  it("handles one level, none, a first level that is not green, and an improving zone", () => {
    expect(computeZoneBands([])).toEqual([]);
    expect(computeZoneBands(levels([50, "green"]))).toEqual([{ zone: "green", fromUsers: 0, toUsers: null }]);
    expect(computeZoneBands(levels([10, "red"], [30, "yellow"], [40, "yellow"]))).toEqual([
      { zone: "red", fromUsers: 0, toUsers: 20 },
      { zone: "yellow", fromUsers: 20, toUsers: null },
    ]);
  });
});
