/** A run that could be another's baseline. */
export interface BaselineCandidate {
  id: string;
  /** The series the run belongs to; null = the project's one implicit series. */
  seriesKey: string | null;
  /** Peak user count (the run's load); null when the tool did not say. */
  users: number | null;
  isBaseline: boolean;
  /** ISO instants; `startedAt` orders runs, the import time when it is unknown. */
  startedAt: string | null;
  createdAt: string;
}

const when = (c: BaselineCandidate) => Date.parse(c.startedAt ?? c.createdAt);

/**
 * The default baseline of a run (DESIGN item 6): the run's series' marked baseline, else the
 * latest earlier run of the same series at the same load (equal peak users). Null when neither
 * exists. A run is never its own baseline.
 */
export function pickDefaultBaseline(run: BaselineCandidate, candidates: BaselineCandidate[]): string | null {
  const series = candidates.filter((c) => c.id !== run.id && c.seriesKey === run.seriesKey);
  const marked = series.find((c) => c.isBaseline);
  if (marked) return marked.id;
  const t = when(run);
  const earlier = series
    .filter((c) => c.users === run.users && (when(c) < t || (when(c) === t && c.createdAt < run.createdAt)))
    .sort((a, b) => when(b) - when(a) || b.createdAt.localeCompare(a.createdAt));
  return earlier[0]?.id ?? null;
}
