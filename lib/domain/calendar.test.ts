import { describe, expect, it } from "vitest";
import { addDays, addWorkingDays, countWorkingDays, dayOfInstant, diffDays, parseDay, parseInstantMs, weekdayOf } from "./calendar";
import { createRandom } from "./random";
import type { Weekday } from "./types";

const ALL: Weekday[] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const WEEK: Weekday[] = ["Mon", "Tue", "Wed", "Thu", "Fri"];

describe("calendar", () => {
  it("knows weekdays", () => {
    expect(weekdayOf(parseDay("2026-01-18"))).toBe("Sun");
    expect(weekdayOf(parseDay("2026-01-19"))).toBe("Mon");
    expect(weekdayOf(parseDay("1969-12-31"))).toBe("Wed");
  });

  it("adds and diffs days across month and year ends", () => {
    expect(addDays("2025-12-30", 3)).toBe("2026-01-02");
    expect(diffDays("2026-01-18", "2026-01-30")).toBe(12);
    expect(dayOfInstant("2026-01-18T23:59:59.999Z")).toBe("2026-01-18");
    expect(dayOfInstant("2026-01-19T00:30:00+02:00")).toBe("2026-01-18");
  });

  it("counts working days after the start, skipping non-working days", () => {
    expect(addWorkingDays("2026-01-18", 12, ALL)).toBe("2026-01-30");
    // Sunday 18th; Mon–Fri weeks: 12 working days = Mon 19 … Fri 23, Mon 26 … Fri 30, Mon 2 … Tue 3 Feb.
    expect(addWorkingDays("2026-01-18", 12, WEEK)).toBe("2026-02-03");
    // From a Friday, one working day is the next Monday.
    expect(addWorkingDays("2026-01-23", 1, WEEK)).toBe("2026-01-26");
    expect(addWorkingDays("2026-01-23", 5, WEEK)).toBe("2026-01-30");
    expect(addWorkingDays("2026-01-18", 0, WEEK)).toBe("2026-01-18");
    expect(addWorkingDays("2026-01-18", 3, [])).toBeNull();
  });

  it("agrees with a day-by-day walk for long spans", () => {
    const days: Weekday[] = ["Tue", "Thu", "Sat"];
    for (const count of [1, 2, 3, 4, 7, 100, 1001]) {
      let day = "2026-01-18";
      for (let left = count; left > 0;) {
        day = addDays(day, 1);
        if (days.includes(weekdayOf(parseDay(day)))) left -= 1;
      }
      expect(addWorkingDays("2026-01-18", count, days)).toBe(day);
    }
  });

  it("counts working days in an inclusive range", () => {
    expect(countWorkingDays("2026-01-05", "2026-01-18", WEEK)).toBe(10);
    expect(countWorkingDays("2026-01-05", "2026-01-18", ALL)).toBe(14);
  });
});

describe("parseInstantMs", () => {
  it("equals Date.parse for canonical instants, edge fields and anything else", () => {
    const r = createRandom(7);
    const two = (n: number) => String(n).padStart(2, "0");
    const samples = [
      "2026-01-18T23:59:59.999Z", "2026-02-29T00:00:00.000Z", "2026-02-31T12:00:00.000Z", "2024-02-29T00:00:00.000Z",
      "2026-13-01T00:00:00.000Z", "2026-00-10T00:00:00.000Z", "2026-01-00T00:00:00.000Z", "2026-01-32T00:00:00.000Z",
      "2026-01-01T24:00:00.000Z", "2026-01-01T23:60:00.000Z", "2026-01-01T23:59:60.000Z", "0099-01-01T00:00:00.000Z",
      "1969-12-31T23:59:59.999Z", "2026-01-01T00:00:00Z", "2026-01-01T00:00:00.000+01:00", "2026-01-01", "not a date",
      "2026-0a-01T00:00:00.000Z", "+02026-01-01T00:00:00Z", "", "2026-01-01T00:00:00.00Z",
    ];
    for (let i = 0; i < 2000; i++) {
      samples.push(`${1900 + Math.floor(r() * 300)}-${two(Math.floor(r() * 14))}-${two(Math.floor(r() * 33))}T${two(Math.floor(r() * 26))}:${two(Math.floor(r() * 61))}:${two(Math.floor(r() * 61))}.${String(Math.floor(r() * 1000)).padStart(3, "0")}Z`);
    }
    for (const s of samples) expect(parseInstantMs(s), s).toEqual(Date.parse(s));
  });
});
