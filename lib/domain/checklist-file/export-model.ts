import { stringify } from "yaml";
import type { ChecklistFormat } from "./parse";
import type { TChecklistEstimate, TChecklistFile, TChecklistFileItem } from "./schema";
import type { ChecklistItemState, ChecklistState } from "./state";

const PRIORITY_ORDER = { P1: 0, P2: 1, P3: 2 } as const;

function estimateOf(i: ChecklistItemState): TChecklistEstimate | undefined {
  if (i.estimateLowHours === null && i.estimateHighHours === null) return i.estimateHours ?? undefined;
  return {
    ...(i.estimateLowHours !== null ? { low: i.estimateLowHours } : {}),
    ...(i.estimateHours !== null ? { likely: i.estimateHours } : {}),
    ...(i.estimateHighHours !== null ? { high: i.estimateHighHours } : {}),
  };
}

function fileItem(i: ChecklistItemState): TChecklistFileItem {
  const estimate = estimateOf(i);
  return {
    key: i.key,
    title: i.title,
    priority: i.priority,
    ...(estimate !== undefined ? { estimate } : {}),
    ...(i.owner !== null ? { owner: i.owner } : {}),
    ...(i.description !== null ? { description: i.description } : {}),
    ...(i.deferrable ? { deferrable: true } : {}),
    ...(i.evidenceValidDays !== null ? { evidenceValidDays: i.evidenceValidDays } : {}),
  };
}

/**
 * The project's checklist as a file: categories in display order, items by priority then title.
 * Items a load-test run opened and items a pruning apply retired are not part of it.
 */
export function toChecklistFile(state: ChecklistState): TChecklistFile {
  const cats = [...state.categories].sort((a, b) => a.position - b.position || a.name.localeCompare(b.name));
  return {
    version: 1,
    categories: cats.map((c) => ({
      key: c.key,
      name: c.name,
      ...(c.weight !== 1 ? { weight: c.weight } : {}),
      items: state.items
        .filter((i) => i.categoryId === c.id && !i.runOpened && !i.retired)
        .sort((a, b) => PRIORITY_ORDER[a.priority] - PRIORITY_ORDER[b.priority] || a.title.localeCompare(b.title) || a.key.localeCompare(b.key))
        .map(fileItem),
    })),
  };
}

/** The file as text; YAML starts with comments naming the project, the day and the JSON Schema. */
export function stringifyChecklist(
  file: TChecklistFile,
  format: ChecklistFormat,
  header: { projectName: string; slug: string; date: string; schemaUrl?: string },
): string {
  if (format === "json") return JSON.stringify(header.schemaUrl ? { $schema: header.schemaUrl, ...file } : file, null, 2) + "\n";
  const lines = [
    `# Launchgate checklist of ${header.projectName.replace(/[\r\n]+/g, " ")} (${header.slug}), exported ${header.date}.`,
    "# Edit the definitions and apply it back: `npx launchgate checklist apply <slug> <file>`; progress is never touched.",
  ];
  if (header.schemaUrl) lines.push(`# yaml-language-server: $schema=${header.schemaUrl}`);
  return `${lines.join("\n")}\n${stringify(file, { lineWidth: 0, aliasDuplicateObjects: false })}`;
}
