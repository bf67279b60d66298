import "server-only";

/**
 * The series a run belongs to, for baselines. Until runs carry a series every run of a project is
 * in one implicit series (key null). With `TestRun.seriesId`, the change is here only:
 * `SERIES_SELECT = { seriesId: true }`, `return run.seriesId ?? null` and
 * `key === null ? {} : { seriesId: key }`.
 */
export const SERIES_SELECT = {} as const;

export function seriesKeyOf(run: { id: string; seriesId?: string | null }): string | null {
  void run;
  return null;
}

/** The Prisma filter of the runs in a series (within a project). */
export function seriesWhere(key: string | null): Record<string, never> {
  void key;
  return {};
}
