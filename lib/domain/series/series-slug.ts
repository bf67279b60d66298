/** The series every project has: runs imported without a series and without a test name land here. */
export const DEFAULT_SERIES_SLUG = "default";

/** Slugs are what the API's `?series=` and the CLI's `--series` take. */
export const SERIES_SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;

/** "computerdatabase.BasicSimulation" → "computerdatabase-basicsimulation"; "" when nothing is left. */
export function slugifySeriesName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 64)
    .replace(/-+$/g, "");
}

/** The series a run without `?series=` goes to: one named after the tool's test name, else the default. */
export function seriesForTestName(testName: string | null | undefined): { slug: string; name: string } | null {
  const name = testName?.trim();
  if (!name) return null;
  const slug = slugifySeriesName(name);
  if (!slug || slug === DEFAULT_SERIES_SLUG) return null;
  return { slug, name: name.slice(0, 120) };
}
