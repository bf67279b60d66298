/**
 * Makes untrusted text (item titles, comments, names) inert inside Markdown: no links, images,
 * HTML, headings, emphasis or table breaks can be injected.
 */
export function escapeMarkdown(text: string | null | undefined): string {
  if (!text) return "";
  return text
    .replace(/\r?\n|\r/g, " ")
    .trim()
    .replace(/[\\`*_[\]<>|!~]/g, (c) => `\\${c}`)
    // Block syntax only matters at the start, newlines being gone: headings, lists, quotes.
    .replace(/^([#+-])/, "\\$1")
    .replace(/^(\d+)([.)])/, "$1\\$2");
}

/** A table cell: escaped, and never longer than `max` characters. */
export function cell(text: string | number | null | undefined, max = 200): string {
  if (text === null || text === undefined || text === "") return "—";
  const s = typeof text === "number" ? String(text) : text;
  return escapeMarkdown(s.length > max ? `${s.slice(0, max - 1)}…` : s);
}

export function table(headers: string[], rows: (string | number | null | undefined)[][]): string {
  const head = `| ${headers.join(" | ")} |`;
  const sep = `| ${headers.map(() => "---").join(" | ")} |`;
  const body = rows.map((r) => `| ${r.map((c) => cell(c)).join(" | ")} |`);
  return [head, sep, ...body].join("\n");
}
