import fs from "node:fs";
import path from "node:path";
import { getDb } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { ZProjectCreate } from "@/lib/server/schemas/project";
import { CLI_PRINCIPAL } from "./checklist";
import { flag, UsageError, withDatabase } from "./context";

/** `template list`: the built-in checklist templates. */
export async function templateListCommand(): Promise<number> {
  const { listTemplates } = await import("@/lib/server/checklist-file/templates");
  for (const t of listTemplates()) console.log(`${t.name.padEnd(16)} ${String(t.categories).padStart(2)} categories ${String(t.items).padStart(4)} items  ${t.description}`);
  return 0;
}

/**
 * `project create --slug S --name N [--template NAME|FILE] [--lead EMAIL]`: a project with the
 * checklist of a built-in template or of a checklist file; exit 0 created, 1 refused.
 */
export async function projectCreateCommand(flags: Record<string, string | true>): Promise<number> {
  const template = flag(flags, "template");
  const { listTemplates } = await import("@/lib/server/checklist-file/templates");
  const builtIn = template !== undefined && listTemplates().some((t) => t.name === template);
  const parsed = ZProjectCreate.safeParse({ slug: flag(flags, "slug") ?? "", name: flag(flags, "name") ?? "", description: flag(flags, "description"), ...(builtIn ? { template } : {}) });
  if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => `--${String(i.path[0])}: ${i.message}`).join("; "));
  let checklist: { text: string; format: "yaml" | "json"; origin: string } | undefined;
  if (template && !builtIn) {
    if (!fs.existsSync(template)) {
      console.error(`launchgate project create: '${template}' is neither a template (${listTemplates().map((t) => t.name).join(", ")}) nor a file`);
      return 1;
    }
    checklist = { text: fs.readFileSync(template, "utf8"), format: /\.json$/i.test(template) ? "json" : "yaml", origin: `file ${path.basename(template)}` };
  }
  return withDatabase(async (_db, url) => {
    process.env.DATABASE_URL = url;
    try {
      const email = flag(flags, "lead");
      let leadUserId: string | null = null;
      if (email) {
        const u = await getDb().user.findUnique({ where: { email: email.toLowerCase() }, select: { id: true } });
        if (!u) {
          console.error(`launchgate project create: no user ${email} (create one with: user create --email ${email} --role VIEWER)`);
          return 1;
        }
        leadUserId = u.id;
      }
      const { createProject } = await import("@/lib/server/projects/create-project");
      const p = await createProject(CLI_PRINCIPAL, parsed.data, undefined, { checklist, leadUserId });
      console.log(`Created ${p.slug} (${p.name}) with ${p.items} items${email ? `; ${email} is its LEAD` : ""}.`);
      return 0;
    } catch (err) {
      if (err instanceof AppError) {
        console.error(`launchgate project create: ${err.message}`);
        return 1;
      }
      throw err;
    } finally {
      await getDb().$disconnect();
    }
  }, { quiet: true });
}
