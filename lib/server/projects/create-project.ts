import "server-only";
import crypto from "node:crypto";
import type { ChecklistFormat } from "@/lib/domain/checklist-file";
import type { Principal } from "../principal";
import { writeAudit } from "../audit";
import { applyChecklistInTx, parseChecklistOrThrow } from "../checklist-file/apply-checklist";
import { exportChecklist } from "../checklist-file/export-checklist";
import { readTemplate } from "../checklist-file/templates";
import { getDb } from "../db";
import { ConflictError, ForbiddenError, NotFoundError } from "../errors";
import { DEFAULT_CATEGORIES, type TProjectCreate } from "../schemas/project";

function isUniqueViolation(err: unknown): boolean {
  return typeof err === "object" && err !== null && (err as { code?: unknown }).code === "P2002";
}

/** Where a new project's checklist comes from (a template, a copied project, a file). */
export interface ChecklistSource {
  text: string;
  format: ChecklistFormat;
  origin: string;
}

async function checklistOf(principal: Principal, input: TProjectCreate, given?: ChecklistSource): Promise<ChecklistSource | null> {
  if (given) return given;
  if (input.template) return { text: readTemplate(input.template), format: "yaml", origin: `template ${input.template}` };
  if (input.copyFrom) {
    // Only administrators create projects, and they lead every project; only definitions are copied.
    const from = await getDb().project.findUnique({ where: { slug: input.copyFrom }, select: { id: true, slug: true, name: true } });
    if (!from) throw new NotFoundError(`No project '${input.copyFrom}' to copy from`);
    const out = await exportChecklist(from, "json");
    return { text: out.text, format: "json", origin: `copy of ${input.copyFrom}` };
  }
  return null;
}

/**
 * An administrator creates a project: with the default categories, or the checklist of a
 * template, of another project (definitions only) or of a file. The creator (or `leadUserId`)
 * becomes its LEAD. One transaction, one audit entry for the project and one for the checklist.
 */
export async function createProject(
  principal: Principal,
  input: TProjectCreate,
  requestId?: string,
  opts: { checklist?: ChecklistSource; leadUserId?: string | null } = {},
): Promise<{ id: string; slug: string; name: string; items: number }> {
  if (principal.kind !== "user" || !principal.isAdmin) throw new ForbiddenError("Only administrators create projects");
  const db = getDb();
  if (await db.project.findUnique({ where: { slug: input.slug }, select: { id: true } })) {
    throw new ConflictError(`A project with the slug '${input.slug}' exists already`);
  }
  const source = await checklistOf(principal, input, opts.checklist);
  const file = source ? parseChecklistOrThrow(source.text, source.format) : null;
  const leadUserId = opts.leadUserId === undefined ? principal.userId : opts.leadUserId;
  try {
    return await db.$transaction(
      async (tx) => {
        const project = await tx.project.create({
          data: {
            slug: input.slug,
            name: input.name,
            description: input.description || null,
            ...(file ? {} : { categories: { create: DEFAULT_CATEGORIES.map((name, position) => ({ name, position })) } }),
            ...(leadUserId ? { memberships: { create: { userId: leadUserId, role: "LEAD" } } } : {}),
          },
          select: { id: true, slug: true, name: true },
        });
        await writeAudit(tx, {
          principal, projectId: project.id, action: "project.create", entity: "Project", entityId: project.id, requestId,
          after: { slug: project.slug, name: project.name, ...(source ? { checklist: source.origin } : { categories: DEFAULT_CATEGORIES }) },
        });
        let items = 0;
        if (file && source) {
          const sha256 = crypto.createHash("sha256").update(source.text).digest("hex");
          const r = await applyChecklistInTx(tx, { projectId: project.id, principal, file, sha256, prune: false, dryRun: false, requestId });
          items = r.plan.create.length;
        }
        return { ...project, items };
      },
      { timeout: 120_000, maxWait: 10_000 },
    );
  } catch (err) {
    if (isUniqueViolation(err)) throw new ConflictError(`A project with the slug '${input.slug}' exists already`);
    throw err;
  }
}
