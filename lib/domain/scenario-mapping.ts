import type {
  DomainCategory, DomainGateWaiver, DomainItem, DomainItemEvent, DomainObjective, DomainProjectSettings,
  DomainRun, DomainStabilityRun, ItemStatus, Priority, RunKind, Weekday, ZoneThresholds,
} from "./types";

/** Shape of `prisma/seed/week9-day4.json` (enums as plain strings, checked on mapping). */
export interface Week9ScenarioJson {
  project: {
    name: string;
    assessmentDate: string;
    expectedProductionUsers: number;
    teamHoursPerDay: number;
    workingDays: string[];
    thresholds: ZoneThresholds;
    objectives: { name: string; target: string; measured: string | null }[];
  };
  categories: string[];
  items: {
    category: string; title: string; priority: string; status: string;
    estimateHours: number | null; estimateLowHours: number | null; estimateHighHours: number | null;
    source?: string | null; deferrable?: boolean;
  }[];
  loadTests: {
    name: string; kind: string; users: number | null; durationSeconds: number; requests: number; failures: number;
    p50Ms: number | null; p95Ms: number | null; p99Ms: number | null; maxMs: number | null;
    throughputRps: number | null; date: string;
    endpoints?: { method: string; name: string; requests: number; failures: number }[];
    errors?: { kind: string; count: number }[];
  }[];
}

/** Shape of `prisma/seed/plan-a-day3-stability.json`. */
export interface StabilityScenarioJson {
  run: { name: string; kind: string; intervalSeconds: number; startedAt: string };
  baseline: { meanMs: number; p99Ms?: number; successRatePercent?: number };
  samples: ({ t: string; responseMs: number | null; requests: number; failures: number; apiMemPercent?: number | null }
    & Record<string, string | number | null | undefined>)[];
}

export type ScenarioItem = DomainItem & { source: string | null };
export type ScenarioRun = DomainRun & Pick<Week9ScenarioJson["loadTests"][number], "endpoints" | "errors">;

export interface Week9DomainInput {
  project: { name: string };
  asOf: string;
  settings: DomainProjectSettings;
  categories: DomainCategory[];
  items: ScenarioItem[];
  events: DomainItemEvent[];
  runs: ScenarioRun[];
  objectives: DomainObjective[];
  gateWaivers: DomainGateWaiver[];
}

export interface StabilityDomainInput {
  run: { name: string; kind: "STABILITY"; intervalSeconds: number; startedAt: string; runDate: string };
  stabilityRun: DomainStabilityRun;
  /** The samples as given, with every metric series, for storage. */
  rawSamples: StabilityScenarioJson["samples"];
}

function oneOf<T extends string>(value: string, allowed: readonly T[], what: string): T {
  if (!(allowed as readonly string[]).includes(value)) throw new Error(`Unknown ${what} "${value}"`);
  return value as T;
}

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] as const;
const PRIORITIES = ["P1", "P2", "P3"] as const;
const STATUSES = ["OPEN", "IN_PROGRESS", "DONE", "NOT_APPLICABLE"] as const;
const RUN_KINDS = ["SMOKE", "LOAD", "PEAK", "STRESS", "SPIKE", "SOAK", "ENDURANCE", "STABILITY"] as const;

/** "Backup & Recovery" -> "category-backup-recovery". */
export function toCategoryId(name: string): string {
  return `category-${name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "")}`;
}

/** Maps the week9-day4 scenario to domain inputs, all items created (with snapshots) at the assessment date. */
export function mapWeek9Scenario(json: Week9ScenarioJson): Week9DomainInput {
  const asOf = json.project.assessmentDate;
  const createdAt = `${asOf}T00:00:00.000Z`;
  const categories = json.categories.map((name, position) => ({ id: toCategoryId(name), name, weight: 1, position }));
  const known = new Set(categories.map((c) => c.id));
  const items = json.items.map((raw, index): ScenarioItem => {
    const categoryId = toCategoryId(raw.category);
    if (!known.has(categoryId)) throw new Error(`Item "${raw.title}" has unknown category "${raw.category}"`);
    return {
      id: `item-${String(index + 1).padStart(3, "0")}`, categoryId, title: raw.title,
      priority: oneOf<Priority>(raw.priority, PRIORITIES, "priority"),
      status: oneOf<ItemStatus>(raw.status, STATUSES, "status"),
      estimateHours: raw.estimateHours, estimateLowHours: raw.estimateLowHours, estimateHighHours: raw.estimateHighHours,
      deferrable: raw.deferrable ?? false, createdAt, riskAcceptance: null, source: raw.source ?? null,
    };
  });
  const events = items.map((item): DomainItemEvent => ({
    itemId: item.id, at: createdAt, field: "created", from: null, to: null,
    snapshot: { priority: item.priority, status: item.status, estimateHours: item.estimateHours },
  }));
  const runs = json.loadTests.map((raw, index): ScenarioRun => ({
    id: `run-${String(index + 1).padStart(3, "0")}`, name: raw.name,
    kind: oneOf<RunKind>(raw.kind, RUN_KINDS, "run kind"),
    users: raw.users, durationSeconds: raw.durationSeconds, requests: raw.requests, failures: raw.failures,
    p50Ms: raw.p50Ms, p95Ms: raw.p95Ms, p99Ms: raw.p99Ms, maxMs: raw.maxMs, throughputRps: raw.throughputRps,
    runDate: raw.date, createdAt: new Date(Date.parse(`${raw.date}T12:00:00Z`) + index * 1000).toISOString(),
    steps: [], endpoints: raw.endpoints ?? [], errors: raw.errors ?? [],
  }));
  return {
    project: { name: json.project.name },
    asOf,
    settings: {
      expectedProductionUsers: json.project.expectedProductionUsers,
      requiredHeadroom: 2,
      teamHoursPerDay: json.project.teamHoursPerDay,
      workingDays: json.project.workingDays.map((d) => oneOf<Weekday>(d, WEEKDAYS, "weekday")),
      targetLaunchDate: null,
      thresholds: json.project.thresholds,
      goThresholdPercent: 90,
      conditionalThresholdPercent: 80,
    },
    categories,
    items,
    events,
    runs,
    objectives: json.project.objectives.map((o) => ({ name: o.name, target: o.target, measured: o.measured })),
    gateWaivers: [],
  };
}

/** Maps the plan-a-day3 stability scenario; the API memory series is the one checked for a leak. */
export function mapStabilityScenario(json: StabilityScenarioJson): StabilityDomainInput {
  return {
    run: {
      name: json.run.name, kind: "STABILITY", intervalSeconds: json.run.intervalSeconds,
      startedAt: json.run.startedAt, runDate: json.run.startedAt.slice(0, 10),
    },
    stabilityRun: {
      baseline: { ...json.baseline },
      samples: json.samples.map((s) => ({
        t: s.t, responseMs: s.responseMs, requests: s.requests, failures: s.failures, memPercent: s.apiMemPercent ?? null,
      })),
    },
    rawSamples: json.samples,
  };
}
