import "server-only";
import { stringifyChecklist, toChecklistFile, type ChecklistFormat } from "@/lib/domain/checklist-file";
import { getDb } from "../db";
import { todayUtc } from "../readiness/load-readiness-input";
import { loadChecklistState } from "./load-state";

export interface ChecklistExport {
  text: string;
  fileName: string;
  contentType: string;
}

/**
 * The project's checklist as a file (YAML with a header comment, or JSON): applying it back is a
 * no-op. Items a load-test run opened and items retired from the file are not in it.
 */
export async function exportChecklist(
  project: { id: string; slug: string; name: string },
  format: ChecklistFormat,
  opts: { schemaUrl?: string; date?: string } = {},
): Promise<ChecklistExport> {
  const { state } = await loadChecklistState(getDb(), project.id);
  const date = opts.date ?? todayUtc();
  const text = stringifyChecklist(toChecklistFile(state), format, { projectName: project.name, slug: project.slug, date, schemaUrl: opts.schemaUrl });
  return {
    text,
    fileName: `${project.slug}-checklist-${date}.${format === "json" ? "json" : "yaml"}`,
    contentType: format === "json" ? "application/json; charset=utf-8" : "application/yaml; charset=utf-8",
  };
}
