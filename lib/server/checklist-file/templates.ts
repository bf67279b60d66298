import "server-only";
import fs from "node:fs";
import path from "node:path";
import { parseChecklistText } from "@/lib/domain/checklist-file";
import { InvalidInputError } from "../errors";

export interface TemplateInfo {
  name: string;
  /** The first comment line of the file. */
  description: string;
  categories: number;
  items: number;
}

export function getTemplatesDir(): string {
  return path.resolve(process.cwd(), "templates");
}

const NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function templateNames(): string[] {
  if (!fs.existsSync(getTemplatesDir())) return [];
  return fs.readdirSync(getTemplatesDir()).filter((f) => f.endsWith(".yaml")).map((f) => f.slice(0, -5)).filter((n) => NAME.test(n)).sort();
}

/** The text of a built-in template (YAML under `templates/`); an unknown name is a 422 naming the known ones. */
export function readTemplate(name: string): string {
  if (!NAME.test(name) || !templateNames().includes(name)) {
    throw new InvalidInputError(`Unknown template '${name}'; the templates are ${templateNames().join(", ")}`);
  }
  return fs.readFileSync(path.join(getTemplatesDir(), `${name}.yaml`), "utf8");
}

/** The built-in templates with their description and size. */
export function listTemplates(): TemplateInfo[] {
  return templateNames().map((name) => {
    const text = readTemplate(name);
    const parsed = parseChecklistText(text, "yaml");
    const file = parsed.ok ? parsed.file : { categories: [] };
    return {
      name,
      description: /^#\s*(.+)$/m.exec(text)?.[1]?.trim() ?? "",
      categories: file.categories.length,
      items: file.categories.reduce((n, c) => n + c.items.length, 0),
    };
  });
}
