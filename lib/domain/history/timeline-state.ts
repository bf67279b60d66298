import { computeCapacity, type CapacityResult } from "../compute-capacity";
import { checkAnomaly, checkCapacity, checkObjectives, checkOpenP1, checkStability, type GateCheck } from "../compute-gates";
import { computeStability, type StabilityResult } from "../compute-stability";
import { decideVerdict, type VerdictValue } from "../compute-verdict";
import { evaluateObjectives } from "../evaluate-objectives";
import { roundTo } from "../format-number";
import type { ReplayedItemState } from "../replay-item-events";
import type { DomainRun, GateId } from "../types";
import { valueAt } from "./day-bounds";
import type { TimelineEntry } from "./timeline-entries";
import type { ProjectTimeline, TimelineStabilityRun } from "./types";

/** What one item adds to the figures. */
export interface Contribution {
  categoryId: string | null;
  counted: boolean;
  done: boolean;
  open: boolean;
  hours: number;
  waived: boolean;
}

const NONE: Contribution = { categoryId: null, counted: false, done: false, open: false, hours: 0, waived: false };

export interface StateFigures {
  /** Σ weight × done / Σ weight × counted × 100, unrounded; null = no counted P1 item. */
  exactScore: number | null;
  scorePercent: number | null;
  verdict: VerdictValue;
  /** Open P1 items without a current risk acceptance, and their most-likely hours. */
  openP1: number;
  remainingHours: number;
  gates: GateCheck[];
}

/** The project's figures maintained incrementally while timeline entries are applied in order. */
export class TimelineState {
  readonly items = new Map<string, ReplayedItemState>();
  readonly contributions = new Map<string, Contribution>();
  private readonly stale = new Set<string>();
  private readonly accepted = new Map<string, number>();
  private readonly gateWaivers = new Map<string, number>();
  readonly weights = new Map<string, number>();
  private readonly counts = new Map<string, { done: number; counted: number }>();
  private open = 0; private openHours = 0; private waived = 0; private waivedHours = 0;
  private readonly runs: DomainRun[] = [];
  private capacity: CapacityResult | null = null;
  private stability: TimelineStabilityRun | null = null;
  private readonly stabilityResults = new Map<string, StabilityResult | null>();
  private readonly objectives = new Map<string, string | null>();
  private objectiveGate: GateCheck | null = null;

  private readonly ordered: ProjectTimeline["categories"];

  constructor(private readonly timeline: ProjectTimeline) {
    this.ordered = [...timeline.categories].sort((a, b) => a.position - b.position || a.name.localeCompare(b.name));
    for (const c of timeline.categories) {
      this.weights.set(c.id, valueAt(c.weight, c.weightChanges, -Infinity));
      this.counts.set(c.id, { done: 0, counted: 0 });
    }
  }

  contributionOf(itemId: string): Contribution {
    const s = this.items.get(itemId);
    if (!s || !s.exists || s.priority !== "P1" || s.categoryId === null) return NONE;
    const counted = s.status !== "NOT_APPLICABLE" && this.counts.has(s.categoryId);
    const staleDone = s.status === "DONE" && this.stale.has(itemId);
    const done = s.status === "DONE" && !staleDone;
    const open = s.status === "OPEN" || s.status === "IN_PROGRESS" || staleDone;
    return { categoryId: s.categoryId, counted, done, open, hours: s.estimateHours ?? 0, waived: open && (this.accepted.get(itemId) ?? 0) > 0 };
  }

  private refresh(itemId: string): void {
    const before = this.contributions.get(itemId) ?? NONE;
    const after = this.contributionOf(itemId);
    this.add(before, -1);
    this.add(after, 1);
    this.contributions.set(itemId, after);
  }

  private add(c: Contribution, sign: 1 | -1): void {
    if (c.categoryId !== null && c.counted) {
      const n = this.counts.get(c.categoryId)!;
      n.counted += sign;
      if (c.done) n.done += sign;
    }
    if (!c.open) return;
    if (c.waived) { this.waived += sign; this.waivedHours += sign * c.hours; }
    else { this.open += sign; this.openHours += sign * c.hours; }
  }

  apply(entry: TimelineEntry): void {
    switch (entry.type) {
      case "item":
        this.items.set(entry.transition.itemId, entry.transition.after);
        return this.refresh(entry.transition.itemId);
      case "stale":
        if (entry.stale) this.stale.add(entry.itemId); else this.stale.delete(entry.itemId);
        return this.refresh(entry.itemId);
      case "acceptance": {
        const { acceptance: a, active } = entry;
        const map = a.itemId ? this.accepted : this.gateWaivers;
        const key = a.itemId ?? a.gateId!;
        map.set(key, (map.get(key) ?? 0) + (active ? 1 : -1));
        if (a.itemId) this.refresh(a.itemId);
        return;
      }
      case "weight":
        if (this.weights.has(entry.categoryId)) this.weights.set(entry.categoryId, entry.weight);
        return;
      case "run":
        this.runs.push(entry.run);
        this.capacity = null;
        return;
      case "stability": {
        const cur = this.stability;
        const r = entry.run;
        if (!cur || r.runDate > cur.runDate || (r.runDate === cur.runDate && r.createdAt >= cur.createdAt)) this.stability = r;
        return;
      }
      case "objective":
        this.objectives.set(entry.name, entry.measured);
        this.objectiveGate = null;
        return;
    }
  }

  exactScore(): number | null {
    let wd = 0, wt = 0;
    for (const c of this.ordered) {
      const w = this.weights.get(c.id)!;
      if (w <= 0) continue;
      const n = this.counts.get(c.id)!;
      wd += w * n.done; wt += w * n.counted;
    }
    return wt > 0 ? (wd / wt) * 100 : null;
  }

  private stabilityResult(): StabilityResult | null {
    const run = this.stability;
    if (!run || !run.run) return null;
    if (!this.stabilityResults.has(run.id)) this.stabilityResults.set(run.id, computeStability(run.run));
    return this.stabilityResults.get(run.id)!;
  }

  gates(): GateCheck[] {
    this.capacity ??= computeCapacity(this.runs, this.timeline.settings.thresholds);
    this.objectiveGate ??= checkObjectives(evaluateObjectives(
      this.timeline.objectives.filter((o) => this.objectives.has(o.name)).map((o) => ({ name: o.name, target: o.target, measured: this.objectives.get(o.name)! })),
    ));
    const r4 = (v: number) => roundTo(v, 4);
    const checks = [
      checkOpenP1({ open: this.open, openHours: r4(this.openHours), openLowHours: 0, openHighHours: 0, waived: this.waived, waivedHours: r4(this.waivedHours), expiredAcceptances: 0, unestimated: 0, expiredEvidence: 0 }),
      checkCapacity(this.capacity, this.timeline.settings),
      checkAnomaly(this.capacity),
      checkStability(this.stabilityResult()),
      this.objectiveGate,
    ];
    return checks.map((g) => (g.status === "fail" && (this.gateWaivers.get(g.id) ?? 0) > 0 ? { ...g, status: "waived" as const } : g));
  }

  isGateWaived(id: GateId): boolean {
    return (this.gateWaivers.get(id) ?? 0) > 0;
  }

  figures(): StateFigures {
    const exactScore = this.exactScore();
    const scorePercent = exactScore === null ? null : roundTo(exactScore, 1);
    const gates = this.gates();
    return {
      exactScore, scorePercent, verdict: decideVerdict(gates, scorePercent, this.timeline.settings).value,
      openP1: this.open, remainingHours: roundTo(this.openHours, 4), gates,
    };
  }
}
