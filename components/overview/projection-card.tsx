import type { ProjectionResult } from "@/lib/domain";

function h(v: number) {
  return `${Number.isInteger(v) ? v : v.toFixed(1)} h`;
}

function Row({ label, value, detail, testId }: { label: string; value: React.ReactNode; detail?: React.ReactNode; testId?: string }) {
  return (
    <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-0.5 py-2">
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className="ml-auto text-right">
        <span className="whitespace-nowrap font-semibold tabular-nums" data-testid={testId}>{value}</span>
        {detail && <span className="block text-xs text-slate-500">{detail}</span>}
      </dd>
    </div>
  );
}

/** The launch dates: deterministic, Monte Carlo percentiles, velocity and without deferrable items. */
export function ProjectionCard({ projection, teamHoursPerDay, targetLaunchDate, withTestIds = false }: {
  projection: ProjectionResult; teamHoursPerDay: number; targetLaunchDate: string | null; withTestIds?: boolean;
}) {
  const p = projection;
  return (
    <dl className="divide-y divide-slate-100">
      <Row label="Remaining open P1 work" value={h(p.remainingHours)} detail={`range ${h(p.remainingLowHours)}–${h(p.remainingHighHours)}, at ${teamHoursPerDay} h per working day`} />
      <Row label="Deterministic date" value={p.deterministic?.date ?? "—"} testId={withTestIds ? "deterministic-date" : undefined}
        detail={p.deterministic ? `${p.deterministic.workingDays} working days` : "no team hours or working days set"} />
      <Row label="Monte Carlo P50 / P85 / P95" value={p.probabilistic ? (
        <span className="inline-flex flex-wrap justify-end gap-x-2 whitespace-normal">
          <span className="whitespace-nowrap">{p.probabilistic.p50}</span><span aria-hidden className="text-slate-400">/</span>
          <span className="whitespace-nowrap">{p.probabilistic.p85}</span><span aria-hidden className="text-slate-400">/</span>
          <span className="whitespace-nowrap">{p.probabilistic.p95}</span>
        </span>
      ) : "—"}
        detail="10,000 seeded trials on each item's low / likely / high estimate" />
      <Row label="At recent velocity" value={p.velocity?.date ?? "—"}
        detail={p.velocity ? `${p.velocity.hoursPerDay} h/day closed over the last ${p.velocity.windowDays} days` : "no P1 work closed in the last 14 days"} />
      <Row label="Without deferrable items" value={p.conditional?.date ?? "—"}
        detail={p.conditional ? `${p.conditional.deferredItems} deferred, ${h(p.conditional.remainingHours)} left${p.conditional.p85 ? `, P85 ${p.conditional.p85}` : ""}` : "no blocker is marked deferrable"} />
      {targetLaunchDate && (
        <Row label="Target launch date" value={targetLaunchDate}
          detail={p.deterministic ? (p.deterministic.date <= targetLaunchDate ? "the deterministic date meets it" : "the deterministic date is later") : undefined} />
      )}
    </dl>
  );
}
