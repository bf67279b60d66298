import { z } from "zod";
import { insertToken } from "@/lib/server/tokens/manage-tokens";
import { flag, UsageError, withDatabase } from "./context";

const ZArgs = z.object({
  project: z.string().min(1, "--project <slug> is required"),
  role: z.enum(["VIEWER", "ENGINEER", "LEAD"], { message: "--role must be VIEWER, ENGINEER or LEAD" }),
  name: z.string().trim().min(1).max(100),
  expiresInDays: z.coerce.number().int().min(1).max(3650).optional(),
});

/** `token create --project SLUG --role ROLE [--name N] [--expires-in-days D]`: prints the token once. */
export async function tokenCreateCommand(flags: Record<string, string | true>): Promise<number> {
  const parsed = ZArgs.safeParse({
    project: flag(flags, "project") ?? "",
    role: flag(flags, "role")?.toUpperCase(),
    name: flag(flags, "name") ?? `cli ${new Date().toISOString().slice(0, 10)}`,
    expiresInDays: flag(flags, "expires-in-days"),
  });
  if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => i.message).join("; "));
  const a = parsed.data;
  return withDatabase(async (db) => {
    const project = await db.project.findUnique({ where: { slug: a.project }, select: { id: true } });
    if (!project) {
      console.error(`No project '${a.project}'.`);
      return 1;
    }
    const { token, row } = await insertToken(db, project.id, { name: a.name, role: a.role, expiresInDays: a.expiresInDays ?? null }, null);
    await db.auditLog.create({ data: { projectId: project.id, actorName: "cli", action: "token.create", entity: "ApiToken", entityId: row.id, after: { name: row.name, role: row.role, prefix: row.prefix } } });
    console.error(`Created ${a.role} token '${a.name}' for ${a.project}. It is shown once; store it now:`);
    console.log(token);
    return 0;
  }, { quiet: true });
}
