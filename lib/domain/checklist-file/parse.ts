import { CORE_SCHEMA, load as loadYamlFast } from "js-yaml";
import { LineCounter, parseDocument, type Document } from "yaml";
import type { z } from "zod";
import { CHECKLIST_MAX_ALIASES, CHECKLIST_MAX_BYTES, CHECKLIST_MAX_ITEMS, ZChecklistFile, type TChecklistFile } from "./schema";

export type ChecklistFormat = "yaml" | "json";

export interface ChecklistIssue {
  /** `categories[2].items[0].priority`, empty for the whole file. */
  path: string;
  message: string;
  line?: number;
  column?: number;
}

export interface ChecklistParseError {
  /** syntax / schema / duplicate → 422; too-large → 413. */
  kind: "syntax" | "schema" | "duplicate" | "too-large";
  /** One line a person can act on, e.g. `categories[2].items[0].priorty: unknown field (line 14, column 9)`. */
  message: string;
  issues: ChecklistIssue[];
}

export type ChecklistParseResult = { ok: true; file: TChecklistFile } | { ok: false; error: ChecklistParseError };

/** ["categories", 2, "items", 0, "priorty"] → "categories[2].items[0].priorty". */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const p of path) out += typeof p === "number" ? `[${p}]` : out ? `.${String(p)}` : String(p);
  return out;
}

function at(issue: ChecklistIssue): string {
  return issue.line ? ` (line ${issue.line}, column ${issue.column})` : "";
}

function fail(kind: ChecklistParseError["kind"], issues: ChecklistIssue[]): { ok: false; error: ChecklistParseError } {
  const first = issues[0];
  const head = `${first.path ? `${first.path}: ` : ""}${first.message}${at(first)}`;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : "";
  return { ok: false, error: { kind, message: head + more, issues } };
}

/** Line and column of a path in the source text (YAML, or JSON read as YAML), when it can be found. */
class Locator {
  private doc: Document | null = null;
  private lines = new LineCounter();
  constructor(private readonly text: string) {}
  /** Where a field's name is written (for an unknown field), else where its parent is. */
  findKey(path: readonly PropertyKey[], key: string): { line?: number; column?: number } {
    try {
      this.doc ??= parseDocument(this.text, { lineCounter: this.lines, uniqueKeys: false });
      const map = this.doc.getIn(path as unknown[], true) as { items?: { key?: { value?: unknown; range?: [number, number, number] } }[] } | undefined;
      const pair = map?.items?.find((p) => p.key?.value === key);
      if (pair?.key?.range) {
        const pos = this.lines.linePos(pair.key.range[0]);
        return { line: pos.line, column: pos.col };
      }
    } catch {
      // fall back to the parent
    }
    return this.find(path);
  }

  find(path: readonly PropertyKey[]): { line?: number; column?: number } {
    try {
      this.doc ??= parseDocument(this.text, { lineCounter: this.lines, uniqueKeys: false });
      for (let n = path.length; n >= 0; n--) {
        const node = this.doc.getIn(path.slice(0, n) as unknown[], true) as { range?: [number, number, number] } | undefined;
        if (node && typeof node === "object" && node.range) {
          const pos = this.lines.linePos(node.range[0]);
          return { line: pos.line, column: pos.col };
        }
      }
    } catch {
      // no position then
    }
    return {};
  }
}

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let v = raw;
  for (const p of path) v = v !== null && typeof v === "object" ? (v as Record<PropertyKey, unknown>)[p] : undefined;
  return v;
}

/** Unknown fields first (a misspelt field also makes the real one "missing"), then the rest. */
function zodIssues(err: z.ZodError, raw: unknown, locate: Locator): ChecklistIssue[] {
  const unknown: ChecklistIssue[] = [];
  const out: ChecklistIssue[] = [];
  for (const i of err.issues.slice(0, 20)) {
    if (i.code === "unrecognized_keys") {
      for (const k of i.keys) unknown.push({ path: formatPath([...i.path, k]), message: "unknown field", ...locate.findKey(i.path, k) });
      continue;
    }
    let message = i.message;
    if (i.path.length > 0 && valueAt(raw, i.path) === undefined) message = "is required";
    else if (i.code === "invalid_union") message = "must be a number of hours or { low, likely, high }";
    else if (i.code === "invalid_type") message = `must be ${i.expected === "array" ? "a list" : i.expected === "object" ? "a mapping" : `a ${i.expected}`}`;
    out.push({ path: formatPath(i.path), message, ...locate.find(i.path) });
  }
  return [...unknown, ...out];
}

function countItems(raw: unknown): number {
  const cats = (raw as { categories?: unknown })?.categories;
  if (!Array.isArray(cats)) return 0;
  return cats.reduce((n: number, c) => n + (Array.isArray((c as { items?: unknown })?.items) ? (c as { items: unknown[] }).items.length : 0), 0);
}

function duplicateIssues(file: TChecklistFile, locate: Locator): ChecklistIssue[] {
  const out: ChecklistIssue[] = [];
  const where = (path: PropertyKey[]) => {
    const pos = locate.find(path);
    return `${formatPath(path)}${pos.line ? ` (line ${pos.line})` : ""}`;
  };
  const cats = new Map<string, number>();
  const items = new Map<string, [number, number]>();
  file.categories.forEach((c, ci) => {
    const prev = cats.get(c.key);
    if (prev !== undefined) {
      out.push({ path: formatPath(["categories", ci, "key"]), message: `duplicate category key '${c.key}': ${where(["categories", prev])} and ${where(["categories", ci])}`, ...locate.find(["categories", ci, "key"]) });
    } else cats.set(c.key, ci);
    c.items.forEach((it, ii) => {
      const p = items.get(it.key);
      if (p) {
        out.push({
          path: formatPath(["categories", ci, "items", ii, "key"]),
          message: `duplicate item key '${it.key}': ${where(["categories", p[0], "items", p[1]])} and ${where(["categories", ci, "items", ii])}`,
          ...locate.find(["categories", ci, "items", ii, "key"]),
        });
      } else items.set(it.key, [ci, ii]);
    });
  });
  return out;
}

function syntaxOfJson(text: string, err: Error): ChecklistIssue {
  const m = /position (\d+)/.exec(err.message);
  if (m) {
    const lines = text.slice(0, Number(m[1])).split("\n");
    return { path: "", message: `not valid JSON: ${err.message.split("\n")[0]}`, line: lines.length, column: lines[lines.length - 1].length + 1 };
  }
  const doc = parseDocument(text, { lineCounter: new LineCounter() });
  const pos = doc.errors[0]?.linePos?.[0];
  return { path: "", message: `not valid JSON: ${err.message.split("\n")[0]}`, ...(pos ? { line: pos.line, column: pos.col } : {}) };
}

const NOT_FAST = Symbol("not-fast");

/**
 * The quick way through a plain YAML file (js-yaml, YAML 1.2 core schema: about 5× faster than
 * `yaml` on a 5,000-item file). Anything it is not sure of goes the careful way (`yaml`, with line
 * and column in its errors and a limit on aliases): a file with anchors or aliases (`&`, `*`
 * anywhere, even in a title), tags (`!`), an empty file, or any error (several documents, duplicate
 * keys, bad syntax).
 */
function fastYaml(text: string): unknown {
  if (/[&*!]/.test(text)) return NOT_FAST;
  try {
    const raw = loadYamlFast(text, { schema: CORE_SCHEMA, json: false });
    return raw === undefined ? NOT_FAST : raw;
  } catch {
    return NOT_FAST;
  }
}

/**
 * Reads a checklist file: syntax (with line and column), the schema (strict: an unknown field is
 * an error naming its path), the limits and duplicate keys. Pure; the text is at most 2 MiB.
 */
export function parseChecklistText(text: string, format: ChecklistFormat): ChecklistParseResult {
  if (new TextEncoder().encode(text).length > CHECKLIST_MAX_BYTES) {
    return fail("too-large", [{ path: "", message: `the file is larger than ${CHECKLIST_MAX_BYTES / 1024 / 1024} MiB` }]);
  }
  let raw: unknown;
  if (format === "json") {
    try {
      raw = JSON.parse(text);
    } catch (err) {
      return fail("syntax", [syntaxOfJson(text, err as Error)]);
    }
  } else {
    raw = fastYaml(text);
  }
  if (raw === NOT_FAST) {
    const lineCounter = new LineCounter();
    const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: true });
    if (doc.errors.length) {
      return fail("syntax", doc.errors.slice(0, 5).map((e) => ({ path: "", message: `YAML: ${e.message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "")}`, line: e.linePos?.[0].line, column: e.linePos?.[0].col })));
    }
    try {
      raw = doc.toJS({ maxAliasCount: CHECKLIST_MAX_ALIASES });
    } catch (err) {
      return fail("syntax", [{ path: "", message: `YAML: ${(err as Error).message} (at most ${CHECKLIST_MAX_ALIASES} aliases)` }]);
    }
  }
  const count = countItems(raw);
  if (count > CHECKLIST_MAX_ITEMS) return fail("too-large", [{ path: "categories", message: `${count} items: a file holds at most ${CHECKLIST_MAX_ITEMS}` }]);
  const locate = new Locator(text);
  const parsed = ZChecklistFile.safeParse(raw);
  if (!parsed.success) return fail("schema", zodIssues(parsed.error, raw, locate));
  const dups = duplicateIssues(parsed.data, locate);
  if (dups.length) return fail("duplicate", dups);
  return { ok: true, file: parsed.data };
}
