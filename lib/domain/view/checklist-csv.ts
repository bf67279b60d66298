/**
 * CSV export of checklist items (RFC 4180: comma separated, CRLF line ends, fields with a comma,
 * quote or line break quoted with inner quotes doubled). Spreadsheet formula injection is defused
 * the OWASP way: a text cell starting with = + - @ tab or carriage return gets a leading `'`, so
 * Excel, LibreOffice and Google Sheets show it as text instead of evaluating it.
 */

/** The characters a spreadsheet may read as the start of a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

export type CsvValue = string | number | boolean | null | undefined;

/** One CSV field. Numbers and booleans are written as they are; text is defused and quoted as needed. */
export function escapeCsvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "true" : "false";
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV record, CRLF-terminated. */
export function toCsvLine(values: readonly CsvValue[]): string {
  return values.map(escapeCsvCell).join(",") + "\r\n";
}

/** The item fields the export needs (a structural subset of the item DTO). */
export interface ChecklistCsvItem {
  id: string;
  key: string;
  title: string;
  description: string | null;
  category: string;
  priority: string;
  status: string;
  estimateHours: number | null;
  estimateLowHours: number | null;
  estimateHighHours: number | null;
  owner: string | null;
  dueDate: string | null;
  evidence: string | null;
  source: string | null;
  deferrable: boolean;
  version: number;
  updatedAt: string;
  riskAcceptance: { mitigation: string; expiresOn: string } | null;
}

export const CHECKLIST_CSV_HEADER = [
  "id", "key", "title", "category", "priority", "status", "estimate_hours", "estimate_low_hours", "estimate_high_hours",
  "owner", "due_date", "source", "evidence", "risk_accepted_until", "risk_mitigation", "deferrable", "description",
  "version", "updated_at",
] as const;

export function checklistCsvRow(item: ChecklistCsvItem): string {
  return toCsvLine([
    item.id, item.key, item.title, item.category, item.priority, item.status, item.estimateHours, item.estimateLowHours,
    item.estimateHighHours, item.owner, item.dueDate, item.source, item.evidence, item.riskAcceptance?.expiresOn ?? null,
    item.riskAcceptance?.mitigation ?? null, item.deferrable, item.description, item.version, item.updatedAt,
  ]);
}

/**
 * The whole file for a list of items: a UTF-8 byte order mark (so Excel reads UTF-8), the header,
 * then one record per item. For big exports stream `checklistCsvRow` instead.
 */
export function toChecklistCsv(items: readonly ChecklistCsvItem[]): string {
  return "\uFEFF" + toCsvLine(CHECKLIST_CSV_HEADER) + items.map(checklistCsvRow).join("");
}

/** `agent-platform-checklist-2026-01-18.csv`: only safe characters in a download name. */
export function checklistCsvFileName(slug: string, day: string): string {
  const safe = slug.replace(/[^a-z0-9-]+/gi, "-").replace(/^-+|-+$/g, "") || "project";
  return `${safe}-checklist-${day}.csv`;
}
