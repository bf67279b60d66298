import { describe, expect, it } from "vitest";
import { FieldInterner } from "./field-interner";

describe("FieldInterner", () => {
  it("gives the slice, and the same string object for the same value", () => {
    const i = new FieldInterner();
    const text = "GET /a,GET /ab,GET /a,x,GET /ab";
    const a = i.get(text, 0, 6);
    const ab = i.get(text, 7, 14);
    expect([a, ab, i.get(text, 22, 23)]).toEqual(["GET /a", "GET /ab", "x"]);
    expect(Object.is(i.get(text, 15, 21), a)).toBe(true);
    expect(Object.is(i.get(text, 24, 31), ab)).toBe(true);
    expect(i.get(text, 3, 3)).toBe("");
  });

  it("keeps values apart whose hashes collide, and slices new values once it is full", () => {
    const i = new FieldInterner();
    // "Aa" and "BB" have the same 31-based hash.
    expect([i.get("Aa", 0, 2), i.get("BB", 0, 2), i.get("Aa", 0, 2)]).toEqual(["Aa", "BB", "Aa"]);
    const values = Array.from({ length: 5000 }, (_, k) => `v${k}`);
    for (const v of values) expect(i.get(`,${v},`, 1, v.length + 1)).toBe(v);
    for (const v of values) expect(i.get(`${v}`, 0, v.length)).toBe(v);
  });

  it("finds values whose length and first and last characters are alike", () => {
    const i = new FieldInterner();
    const labels = ["GET /a1z", "GET /a2z", "GET /b1z", "GET /a1z", "GET /a2z", "GET /a1z"];
    const got = labels.map((l) => i.get(`x,${l},y`, 2, 2 + l.length));
    expect(got).toEqual(labels);
    expect(Object.is(got[0], got[3]) && Object.is(got[0], got[5]) && Object.is(got[1], got[4])).toBe(true);
  });
});
