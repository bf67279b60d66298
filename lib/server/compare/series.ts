import "server-only";

/** The series a run belongs to, for baselines: a run's default baseline comes from its own series. */
export const SERIES_SELECT = { seriesId: true } as const;

export function seriesKeyOf(run: { id: string; seriesId?: string | null }): string | null {
  return run.seriesId ?? null;
}

/** The Prisma filter of the runs in a series (within a project). */
export function seriesWhere(key: string | null): { seriesId?: string } {
  return key === null ? {} : { seriesId: key };
}
