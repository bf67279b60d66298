/** Builders for domain inputs, shared by the tests. */
import type {
  DomainCategory, DomainItem, DomainProjectSettings, DomainRun, DomainRunStep,
} from "./types";

export function makeSettings(overrides: Partial<DomainProjectSettings> = {}): DomainProjectSettings {
  return {
    expectedProductionUsers: 100,
    requiredHeadroom: 2,
    teamHoursPerDay: 8,
    workingDays: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
    targetLaunchDate: null,
    thresholds: {
      green: { p95Ms: 100, errorRatePercent: 0.1 },
      yellow: { p95Ms: 500, errorRatePercent: 1 },
      red: { p95Ms: 2000, errorRatePercent: 5 },
    },
    goThresholdPercent: 90,
    conditionalThresholdPercent: 80,
    ...overrides,
  };
}

export function makeCategory(id: string, overrides: Partial<DomainCategory> = {}): DomainCategory {
  return { id, name: id, weight: 1, position: 0, ...overrides };
}

let itemCounter = 0;
export function makeItem(overrides: Partial<DomainItem> = {}): DomainItem {
  itemCounter += 1;
  return {
    id: `item-${itemCounter}`,
    categoryId: "cat",
    title: `Item ${itemCounter}`,
    priority: "P1",
    status: "OPEN",
    estimateHours: 4,
    estimateLowHours: null,
    estimateHighHours: null,
    deferrable: false,
    createdAt: "2026-01-01T09:00:00.000Z",
    riskAcceptance: null,
    ...overrides,
  };
}

let runCounter = 0;
export function makeRun(users: number | null, overrides: Partial<DomainRun> = {}): DomainRun {
  runCounter += 1;
  return {
    id: `run-${String(runCounter).padStart(4, "0")}`,
    name: `Run at ${users}`,
    kind: "LOAD",
    users,
    durationSeconds: 300,
    requests: 10_000,
    failures: 0,
    p50Ms: 20,
    p95Ms: 50,
    p99Ms: 80,
    maxMs: 200,
    throughputRps: users === null ? null : users * 0.7,
    runDate: "2026-01-10",
    createdAt: "2026-01-10T12:00:00.000Z",
    steps: [],
    ...overrides,
  };
}

export function makeStep(users: number, overrides: Partial<DomainRunStep> = {}): DomainRunStep {
  return {
    users, durationSeconds: 60, requests: 1000, failures: 0, errorRatePercent: 0,
    p95Ms: 50, p50Ms: 20, throughputRps: users * 0.7, ...overrides,
  };
}
