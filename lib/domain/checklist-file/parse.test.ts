import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checklistJsonSchema, slugifyKey } from "./schema";
import { parseChecklistText } from "./parse";

const GOOD = `version: 1
categories:
  - key: monitoring
    name: Monitoring
    weight: 2
    items:
      - key: alert-on-error-rate
        title: Page on-call when the 5xx rate stays above 1 % for 5 minutes
        priority: P1
        estimate: { low: 2, likely: 4, high: 8 }
        owner: sre
      - key: dashboards
        title: Dashboards
        priority: P2
        estimate: 3
`;

function error(text: string, format: "yaml" | "json" = "yaml") {
  const r = parseChecklistText(text, format);
  if (r.ok) throw new Error("expected an error");
  return r.error;
}

describe("parseChecklistText", () => {
  it("reads a valid YAML file, with a bare number as the most likely estimate", () => {
    const r = parseChecklistText(GOOD, "yaml");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.file.categories[0].items.map((i) => [i.key, i.estimate])).toEqual([
      ["alert-on-error-rate", { low: 2, likely: 4, high: 8 }],
      ["dashboards", 3],
    ]);
  });

  it("reads the same file as JSON", () => {
    const yaml = parseChecklistText(GOOD, "yaml");
    const json = parseChecklistText(JSON.stringify(yaml.ok ? yaml.file : null), "json");
    expect(json).toEqual(yaml);
  });

  it("gives line and column of a YAML syntax error", () => {
    const e = error("version: 1\ncategories:\n  - key: a\n    name: [A\n  - key: b\n");
    expect(e.kind).toBe("syntax");
    expect(e.issues[0].line).toBeGreaterThanOrEqual(4);
    expect(e.issues[0].column).toBeGreaterThan(0);
    expect(e.message).toMatch(/line \d+, column \d+/);
  });

  it("gives a position for a JSON syntax error", () => {
    const e = error('{\n  "version": 1,\n  "categories": [\n}', "json");
    expect(e.kind).toBe("syntax");
    expect(e.message).toMatch(/not valid JSON/);
  });

  it("names the path of an unknown field, with its line", () => {
    const text = GOOD + `  - key: a\n    name: A\n    items: []\n  - key: b\n    name: B\n    items:\n      - key: x\n        title: X\n        priorty: P1\n`;
    const e = error(text);
    expect(e.kind).toBe("schema");
    expect(e.issues.map((i) => `${i.path}: ${i.message}`)).toContain("categories[2].items[0].priorty: unknown field");
    expect(e.message).toMatch(/^categories\[2\]\.items\[0\]\.priorty: unknown field \(line 24, column 9\)/);
  });

  it("names a missing or bad field", () => {
    const e = error("version: 1\ncategories:\n  - key: Bad Key\n    name: A\n    items:\n      - key: x\n        priority: P4\n");
    const msgs = e.issues.map((i) => `${i.path}: ${i.message}`);
    expect(msgs.some((m) => m.startsWith("categories[0].key: must use lowercase"))).toBe(true);
    expect(msgs).toContain("categories[0].items[0].title: is required");
    expect(msgs.some((m) => m.startsWith("categories[0].items[0].priority:"))).toBe(true);
  });

  it("refuses an estimate out of order and a wrong version", () => {
    expect(error("version: 2\ncategories: []\n").issues[0].path).toBe("version");
    const e = error("version: 1\ncategories:\n  - key: a\n    name: A\n    items:\n      - { key: x, title: X, priority: P1, estimate: { low: 5, likely: 2 } }\n");
    expect(e.issues[0].path).toBe("categories[0].items[0].estimate");
  });

  it("names both places of a duplicate key", () => {
    const text = "version: 1\ncategories:\n  - key: a\n    name: A\n    items:\n      - { key: x, title: X, priority: P1 }\n  - key: b\n    name: B\n    items:\n      - { key: x, title: Y, priority: P2 }\n";
    const e = error(text);
    expect(e.kind).toBe("duplicate");
    expect(e.message).toContain("duplicate item key 'x': categories[0].items[0] (line 6) and categories[1].items[0] (line 10)");
    const cats = error("version: 1\ncategories:\n  - { key: a, name: A }\n  - { key: a, name: B }\n");
    expect(cats.message).toContain("duplicate category key 'a': categories[0] (line 3) and categories[1] (line 4)");
  });

  it("refuses a duplicate mapping key in YAML", () => {
    expect(error("version: 1\nversion: 1\ncategories: []\n").kind).toBe("syntax");
  });

  it("refuses more than 5,000 items and more than 2 MiB as too large", () => {
    const items = Array.from({ length: 5001 }, (_, i) => ({ key: `i${i}`, title: "T", priority: "P2" }));
    expect(error(JSON.stringify({ version: 1, categories: [{ key: "a", name: "A", items }] }), "json").kind).toBe("too-large");
    expect(error(`# ${"x".repeat(2 * 1024 * 1024)}\nversion: 1\n`).kind).toBe("too-large");
  });

  it("stops an alias bomb", () => {
    const bomb = "a: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\n";
    expect(error(bomb).message).toMatch(/alias/i);
  });

  it("an empty document is a schema error, not a crash", () => {
    expect(error("").kind).toBe("schema");
  });
});

describe("the quick YAML path", () => {
  // A comment with "&" sends a file the careful way (`yaml`); both ways must read the same.
  const careful = (text: string) => `${text}\n# & careful path\n`;
  const files = [
    ...fs.readdirSync(path.resolve("templates")).map((f) => fs.readFileSync(path.resolve("templates", f), "utf8")),
    [
      "version: 1",
      "categories:",
      "  - key: ops",
      "    name: Ops",
      "    weight: 2.5",
      "    items:",
      "      - key: a",
      '        title: "Quoted: yes"',
      "        priority: P1",
      "        estimate: 3",
      "        deferrable: true",
      "        evidenceValidDays: 30",
      "      - { key: b, title: 'single ''quoted''', priority: P3, owner: ~, estimate: { low: 0.5, likely: 1, high: 2 } }",
      "      - key: c",
      "        title: >-",
      "          folded",
      "          title",
      "        description: |",
      "          line one",
      "          line two",
      "        priority: P2",
      "",
    ].join("\n"),
  ];
  it.each(files.map((f, i) => [i, f] as const))("file %i reads the same both ways", (_i, text) => {
    const quick = parseChecklistText(text, "yaml");
    expect(quick.ok).toBe(true);
    expect(quick).toEqual(parseChecklistText(careful(text), "yaml"));
  });

  it("errors still come the careful way, with line and column", () => {
    const r = parseChecklistText("version: 1\nversion: 1\ncategories: []\n", "yaml");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.issues[0]).toMatchObject({ line: 2 });
  });
});

describe("checklistJsonSchema", () => {
  it("describes the format with strict objects", () => {
    const s = checklistJsonSchema() as { properties: { categories: { items: { additionalProperties: boolean } } }; required: string[] };
    expect(s.required).toEqual(expect.arrayContaining(["version", "categories"]));
    expect(s.properties.categories.items.additionalProperties).toBe(false);
  });
});

describe("slugifyKey", () => {
  it("makes a key from a title and cuts long ones at a dash", () => {
    expect(slugifyKey("Backup & Recovery")).toBe("backup-recovery");
    expect(slugifyKey("!!!")).toBe("item");
    const long = slugifyKey("Fix database connection pool: size 100-150, pool metrics, leak detection; verify with a 300-user retest", 40);
    expect(long.length).toBeLessThanOrEqual(40);
    expect(long).toBe("fix-database-connection-pool-size-100");
  });
});
