import { describe, expect, it } from "vitest";
import { plainDecimal, plainDigits, toNum } from "./values";

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
  "56.100", "6.216378", "0.1", "0.3", "1.", "1..2", "1.2.3", "123456789012345", "1234567890123456", "12345678901234.5",
  "1234567890123.45", "999999999999999", "9999999999999999", "0.000000000000001", "1768726800000", "١٢",
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

describe("plainDecimal and plainDigits", () => {
  it("give Number() for plain decimals of up to 15 digits, else -1", () => {
    for (const c of CASES) {
      const plain = /^\d+(\.\d*)?$/.test(c) && c.replace(".", "").length <= 15;
      expect(plainDecimal(c), JSON.stringify(c)).toBe(plain ? Number(c) : -1);
      expect(plainDigits(c), JSON.stringify(c)).toBe(/^\d{1,15}$/.test(c) ? Number(c) : -1);
    }
  });

  it("round exactly as Number() does", () => {
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647);
    for (let k = 0; k < 200_000; k++) {
      const digits = String(next()) + String(next()).slice(0, next() % 8);
      const at = next() % (digits.length + 1);
      const s = at === digits.length ? digits : `${digits.slice(0, Math.max(1, at))}.${digits.slice(Math.max(1, at))}`;
      const expected = s.replace(".", "").length <= 15 ? Number(s) : -1;
      if (plainDecimal(s) !== expected) expect(plainDecimal(s), s).toBe(expected);
    }
  });
});
