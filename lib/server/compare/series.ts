import "server-only";

/**
 * The series a run belongs to, for baselines. Until runs carry a series every run of a project is
 * in one implicit series (key null). With series: `return run.seriesId` here and
 * `key === null ? {} : { seriesId: key }` in `seriesWhere` — the comparison reads only these two.
 */
export function seriesKeyOf(run: { id: string }): string | null {
  void run;
  return null;
}

/** The Prisma filter of the runs in a series (within a project). */
export function seriesWhere(key: string | null): Record<string, never> {
  void key;
  return {};
}
