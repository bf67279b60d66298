import { describe, expect, it } from "vitest";
import { toNum } from "./values";

const NULLISH = new Set(["", "n/a", "na", "null", "none", "nan", "-", "undefined"]);

/** The rule toNum implements for strings, spelled out. */
function reference(v: string): number | null {
  const s = v.trim();
  if (NULLISH.has(s.toLowerCase())) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

const CASES = [
  "", " ", "\t", "\u00a0", "\ufeff", "\u2028", "0", "-0", "+0", " 0 ", "00", "007", "12", "-12", "3.25", ".5", "5.", "1e3", "1E-3",
  "0x1f", "0b11", "0o7", "Infinity", "-Infinity", "NaN", "nan", "N/A", "n/a", "NA", "null", "None", "undefined", "-", "--", "1,5",
  "12ms", " 42\r", "\n7\n", "1_000", "9007199254740993", "1e400", "-1e400", "2300.0", "0.000001", "true",
];

describe("toNum", () => {
  it("reads every string as trim + word list + Number()", () => {
    for (const c of CASES) expect(Object.is(toNum(c), reference(c)), JSON.stringify(c)).toBe(true);
  });

  it("passes finite numbers through and refuses other types", () => {
    expect(toNum(4.5)).toBe(4.5);
    expect(toNum(Number.NaN)).toBeNull();
    expect(toNum(Infinity)).toBeNull();
    expect(toNum(null)).toBeNull();
    expect(toNum(true)).toBeNull();
  });
});
