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
