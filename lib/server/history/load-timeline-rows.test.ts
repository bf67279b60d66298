import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "@/tests/helpers/test-db";
import { isoOfTimestampText } from "./load-timeline-rows";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  t = await createTestDatabase({ migrate: false });
});
afterAll(async () => {
  await t.drop();
});

describe("timestamps read as PostgreSQL's text", () => {
  it("become exactly the ISO strings Date#toISOString gives (and to_char gave), at every precision", async () => {
    const instants = [
      "2026-01-05T09:00:00.000Z", "2026-01-05T09:00:00.100Z", "2026-01-05T09:00:00.120Z", "2026-01-05T09:00:00.123Z",
      "2026-01-05T09:00:00.003Z", "1999-12-31T23:59:59.999Z", "2026-02-28T00:00:00.010Z", "0999-03-01T12:00:00.500Z",
    ];
    const c = new pg.Client({ connectionString: t.url });
    await c.connect();
    try {
      const { rows } = await c.query({
        text: `SELECT (v::timestamp(3))::text, to_char(v::timestamp(3), 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') FROM unnest($1::text[]) AS v`,
        values: [instants.map((i) => i.replace("T", " ").replace("Z", ""))],
        rowMode: "array",
      });
      expect(rows.map((r) => isoOfTimestampText(r[0]))).toEqual(instants);
      expect(rows.map((r) => r[1])).toEqual(instants);
    } finally {
      await c.end();
    }
    expect(isoOfTimestampText(null)).toBeNull();
  });
});
