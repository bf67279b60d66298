import crypto from "node:crypto";
import { z } from "zod";
import { hashPassword } from "@/lib/server/passwords";
import { DEMO_SLUG, generateDemoPassword, isDatabaseEmpty, seedDemo } from "@/lib/server/runtime/seed-demo";
import { flag, UsageError, withDatabase } from "./context";

export async function seedDemoCommand(flags: Record<string, string | true>): Promise<number> {
  return withDatabase(async (db) => {
    if (!(await isDatabaseEmpty(db))) {
      console.error("The database is not empty: seed-demo only loads into an empty database (restore a backup or use a new LAUNCHGATE_DATA_DIR).");
      return 1;
    }
    const password = flag(flags, "password") ?? process.env.LAUNCHGATE_DEMO_PASSWORD ?? generateDemoPassword();
    await seedDemo(db, password);
    console.log(`Loaded the demo project '${DEMO_SLUG}'. Users admin@, lead@, engineer@, viewer@example.com; password: ${password}`);
    return 0;
  });
}

const ZUserCreate = z.object({
  email: z.string().trim().toLowerCase().email("--email must be an email address"),
  name: z.string().trim().min(1).max(200).optional(),
  role: z.enum(["VIEWER", "ENGINEER", "LEAD", "ADMIN"], { message: "--role must be VIEWER, ENGINEER, LEAD or ADMIN" }),
  project: z.string().optional(),
  password: z.string().min(8, "--password must be at least 8 characters").optional(),
});

/** `user create --email --role [--project slug] [--name] [--password]`: prints a generated password when none is given. */
export async function userCreateCommand(flags: Record<string, string | true>): Promise<number> {
  const parsed = ZUserCreate.safeParse({
    email: flag(flags, "email", true),
    name: flag(flags, "name"),
    role: flag(flags, "role", true)?.toUpperCase(),
    project: flag(flags, "project"),
    password: flag(flags, "password"),
  });
  if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => i.message).join("; "));
  const u = parsed.data;
  if (u.role !== "ADMIN" && !u.project) throw new UsageError("--project <slug> is required for a project role");
  const password = u.password ?? crypto.randomBytes(12).toString("base64url");
  return withDatabase(async (db) => {
    const project = u.project ? await db.project.findUnique({ where: { slug: u.project }, select: { id: true } }) : null;
    if (u.project && !project) {
      console.error(`No project '${u.project}'.`);
      return 1;
    }
    if (await db.user.findUnique({ where: { email: u.email }, select: { id: true } })) {
      console.error(`A user ${u.email} exists already.`);
      return 1;
    }
    const user = await db.user.create({
      data: {
        email: u.email,
        name: u.name ?? u.email.split("@")[0],
        passwordHash: await hashPassword(password),
        isAdmin: u.role === "ADMIN",
        memberships: project && u.role !== "ADMIN" ? { create: { projectId: project.id, role: u.role } } : undefined,
      },
    });
    await db.auditLog.create({ data: { actorName: "cli", action: "user.create", entity: "User", entityId: user.id, after: { email: u.email, role: u.role, project: u.project ?? null } } });
    console.log(`Created ${u.email} (${u.role}${u.project ? ` in ${u.project}` : ""}).${u.password ? "" : ` Password: ${password}`}`);
    return 0;
  });
}
