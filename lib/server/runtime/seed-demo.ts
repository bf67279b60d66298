import "server-only";
import crypto from "node:crypto";
import type { PrismaClient } from "@/generated/prisma/client";
import week9 from "@/prisma/seed/week9-day4.json";
import stability from "@/prisma/seed/plan-a-day3-stability.json";
import { hashPassword } from "../passwords";

export const DEMO_SLUG = "agent-platform";
export const DEMO_SERIES_SLUG = "stress-staging";
export const DEMO_USERS = [
  { email: "admin@example.com", name: "Ada Admin", role: "LEAD", isAdmin: true },
  { email: "lead@example.com", name: "Lee Lead", role: "LEAD", isAdmin: false },
  { email: "engineer@example.com", name: "Eve Engineer", role: "ENGINEER", isAdmin: false },
  { email: "viewer@example.com", name: "Vic Viewer", role: "VIEWER", isAdmin: false },
] as const;

type Week9Run = (typeof week9.loadTests)[number] & {
  endpoints?: { method: string; name: string; requests: number; failures: number }[];
  errors?: { kind: string; count: number }[];
};

/** True when the database holds no project and no user (a fresh install). */
export async function isDatabaseEmpty(db: PrismaClient): Promise<boolean> {
  const [projects, users] = await Promise.all([db.project.count(), db.user.count()]);
  return projects === 0 && users === 0;
}

export function generateDemoPassword(): string {
  return crypto.randomBytes(9).toString("base64url");
}

/**
 * Loads the demo project (week9-day4 + plan-a-day3 scenarios) and the four demo users in one
 * transaction. Refuses a database that already has data. Items carry the demo's fixed keys;
 * category keys come from their names.
 */
export async function seedDemo(db: PrismaClient, password: string): Promise<void> {
  if (!(await isDatabaseEmpty(db))) {
    throw new Error("The database is not empty: seed-demo only loads into an empty database.");
  }
  const passwordHash = await hashPassword(password);
  const p = week9.project;
  const assessed = new Date(`${p.assessmentDate}T12:00:00Z`);
  await db.$transaction(
    async (tx) => {
      const project = await tx.project.create({
        data: {
          slug: DEMO_SLUG,
          name: p.name,
          description: "Demo: the Week 9 Day 4 readiness assessment of an agent platform, with its stress tests and a stability run.",
          expectedProductionUsers: p.expectedProductionUsers,
          teamHoursPerDay: p.teamHoursPerDay,
          workingDays: p.workingDays,
          greenP95Ms: p.thresholds.green.p95Ms,
          greenErrorRatePercent: p.thresholds.green.errorRatePercent,
          yellowP95Ms: p.thresholds.yellow.p95Ms,
          yellowErrorRatePercent: p.thresholds.yellow.errorRatePercent,
          redP95Ms: p.thresholds.red.p95Ms,
          redErrorRatePercent: p.thresholds.red.errorRatePercent,
          createdAt: assessed,
        },
        select: { id: true },
      });
      // The demo's stress tests and stability run form one launch-evidence series.
      const { id: seriesId } = await tx.loadTestSeries.create({
        data: {
          projectId: project.id, slug: DEMO_SERIES_SLUG, name: "Agent platform stress tests", environment: "staging",
          description: "The Week 9 stress tests and the Plan A day-3 stability run", launchEvidence: true, createdAt: assessed,
        },
      });
      for (const u of DEMO_USERS) {
        await tx.user.create({
          data: {
            email: u.email,
            name: u.name,
            passwordHash,
            isAdmin: u.isAdmin,
            memberships: { create: { projectId: project.id, role: u.role } },
          },
          select: { id: true },
        });
      }
      const categories = new Map<string, string>();
      for (const [position, name] of week9.categories.entries()) {
        const c = await tx.category.create({ data: { projectId: project.id, name, position }, select: { id: true } });
        categories.set(name, c.id);
      }
      const items = week9.items.map((it) => ({
        id: crypto.randomUUID(),
        projectId: project.id,
        categoryId: categories.get(it.category)!,
        key: it.key,
        title: it.title,
        priority: it.priority as "P1" | "P2" | "P3",
        status: it.status as "OPEN" | "DONE",
        estimateHours: it.estimateHours,
        estimateLowHours: it.estimateLowHours,
        estimateHighHours: it.estimateHighHours,
        source: it.source,
        createdAt: assessed,
      }));
      await tx.checklistItem.createMany({ data: items });
      await tx.itemEvent.createMany({
        data: items.map((it) => ({
          projectId: project.id,
          itemId: it.id,
          at: assessed,
          actorName: "demo import",
          field: "created",
          toValue: it.status,
          snapshot: { priority: it.priority, status: it.status, estimateHours: it.estimateHours },
        })),
      });
      await tx.objective.createMany({
        data: p.objectives.map((o, position) => ({
          projectId: project.id,
          name: o.name,
          target: o.target,
          measured: o.measured,
          position,
        })),
      });
      for (const r of week9.loadTests as Week9Run[]) {
        await tx.testRun.create({
          data: {
            projectId: project.id,
            seriesId,
            name: r.name,
            kind: r.kind as "LOAD",
            tool: "manual",
            users: r.users,
            durationSeconds: r.durationSeconds,
            requests: r.requests,
            failures: r.failures,
            p50Ms: r.p50Ms,
            p95Ms: r.p95Ms,
            p99Ms: r.p99Ms,
            maxMs: r.maxMs,
            throughputRps: r.throughputRps,
            runDate: new Date(`${r.date}T00:00:00Z`),
            createdAt: new Date(`${r.date}T12:00:00Z`),
            endpoints: r.endpoints ? { create: r.endpoints } : undefined,
            errors: r.errors ? { create: r.errors } : undefined,
          },
          select: { id: true },
        });
      }
      const s = stability;
      const requests = s.samples.reduce((a, x) => a + x.requests, 0);
      const failures = s.samples.reduce((a, x) => a + x.failures, 0);
      const run = await tx.testRun.create({
        data: {
          projectId: project.id,
          seriesId,
          name: s.run.name,
          kind: "STABILITY",
          tool: "manual",
          durationSeconds: s.samples.length * s.run.intervalSeconds,
          requests,
          failures,
          runDate: new Date(s.run.startedAt.slice(0, 10) + "T00:00:00Z"),
          startedAt: new Date(s.run.startedAt),
          intervalSeconds: s.run.intervalSeconds,
          baselineMeanMs: s.baseline.meanMs,
          baselineP99Ms: s.baseline.p99Ms,
          baselineSuccessRatePercent: s.baseline.successRatePercent,
          createdAt: new Date(s.run.startedAt),
        },
        select: { id: true },
      });
      await tx.runSample.createMany({
        data: s.samples.map(({ t, responseMs, requests: rq, failures: f, ...metrics }) => ({
          runId: run.id,
          t: new Date(t),
          responseMs,
          requests: rq,
          failures: f,
          rps: rq / s.run.intervalSeconds,
          failuresPerSec: f / s.run.intervalSeconds,
          metrics,
        })),
      });
      await tx.auditLog.create({
        data: { projectId: project.id, actorName: "seed-demo", action: "seed", entity: "Project", entityId: project.id },
      });
    },
    { timeout: 60_000 },
  );
}
