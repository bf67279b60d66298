import { describe, expect, it } from "vitest";
import { CHECKLIST_CSV_HEADER, checklistCsvFileName, checklistCsvRow, escapeCsvCell, toChecklistCsv, toCsvLine, type ChecklistCsvItem } from "./checklist-csv";

/** A minimal RFC 4180 reader, to prove what a spreadsheet would read back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i += 1; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") { row.push(field); field = ""; }
    else if (c === "\r" && text[i + 1] === "\n") { row.push(field); rows.push(row); row = []; field = ""; i += 1; }
    else field += c;
  }
  return rows;
}

const item = (overrides: Partial<ChecklistCsvItem> = {}): ChecklistCsvItem => ({
  id: "i1", key: "fix-pool", title: "Fix pool", description: null, category: "Infrastructure", priority: "P1", status: "OPEN",
  estimateHours: 6, estimateLowHours: 4, estimateHighHours: 8, owner: null, dueDate: "2026-01-20", evidence: null,
  source: "stress test", deferrable: false, version: 3, updatedAt: "2026-01-18T12:00:00.000Z", riskAcceptance: null,
  ...overrides,
});

describe("escapeCsvCell", () => {
  it("prefixes every formula trigger with a quote mark", () => {
    expect(escapeCsvCell("=1+1")).toBe("'=1+1");
    expect(escapeCsvCell("+SUM(A1)")).toBe("'+SUM(A1)");
    expect(escapeCsvCell("-2+3")).toBe("'-2+3");
    expect(escapeCsvCell("@cmd")).toBe("'@cmd");
    expect(escapeCsvCell("\tTAB")).toBe("'\tTAB");
    expect(escapeCsvCell("\r=x")).toBe("\"'\r=x\"");
    expect(escapeCsvCell('=HYPERLINK("http://evil","x")')).toBe('"\'=HYPERLINK(""http://evil"",""x"")"');
  });

  it("quotes commas, quotes and line breaks, and leaves plain text alone", () => {
    expect(escapeCsvCell("plain text")).toBe("plain text");
    expect(escapeCsvCell("a,b")).toBe('"a,b"');
    expect(escapeCsvCell('say "hi"')).toBe('"say ""hi"""');
    expect(escapeCsvCell("two\nlines")).toBe('"two\nlines"');
    expect(escapeCsvCell(" padded ")).toBe('" padded "');
    expect(escapeCsvCell("a=b")).toBe("a=b");
  });

  it("writes empty, numeric and boolean values as they are", () => {
    expect(escapeCsvCell(null)).toBe("");
    expect(escapeCsvCell(undefined)).toBe("");
    expect(escapeCsvCell("")).toBe("");
    expect(escapeCsvCell(6.5)).toBe("6.5");
    expect(escapeCsvCell(-1)).toBe("-1");
    expect(escapeCsvCell(Number.NaN)).toBe("");
    expect(escapeCsvCell(true)).toBe("true");
  });
});

describe("checklist CSV", () => {
  it("round-trips hostile text through an RFC 4180 reader with the formula defused", () => {
    const hostile = item({ title: '=cmd|" /C calc"!A0, "boom"\r\nnext', owner: "@ops", evidence: "-1", riskAcceptance: { mitigation: "+watch", expiresOn: "2026-02-01" } });
    const rows = parseCsv(toCsvLine(CHECKLIST_CSV_HEADER) + checklistCsvRow(hostile));
    expect(rows).toHaveLength(2);
    const rec = Object.fromEntries(CHECKLIST_CSV_HEADER.map((h, i) => [h, rows[1][i]]));
    expect(rec.title).toBe('\'=cmd|" /C calc"!A0, "boom"\r\nnext');
    expect(rec.owner).toBe("'@ops");
    expect(rec.evidence).toBe("'-1");
    expect(rec.risk_mitigation).toBe("'+watch");
    expect(rec.risk_accepted_until).toBe("2026-02-01");
    expect(rec.estimate_hours).toBe("6");
    expect(rec.due_date).toBe("2026-01-20");
    for (const cell of rows[1]) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it("starts with a BOM and the header, one CRLF record per item", () => {
    const csv = toChecklistCsv([item(), item({ id: "i2", title: "Second" })]);
    expect(csv.startsWith("\uFEFFid,key,title,category,priority,status,")).toBe(true);
    expect(csv.split("\r\n")).toHaveLength(4);
    expect(toChecklistCsv([])).toBe("\uFEFF" + toCsvLine(CHECKLIST_CSV_HEADER));
  });

  it("names the download safely", () => {
    expect(checklistCsvFileName("agent-platform", "2026-01-18")).toBe("agent-platform-checklist-2026-01-18.csv");
    expect(checklistCsvFileName('../"x"', "2026-01-18")).toBe("x-checklist-2026-01-18.csv");
  });
});
