/**
 * Endpoint identity across runs and tools. Two endpoints are the same when their method and
 * normalized name are equal:
 * - the origin of a full URL goes (`https://api.example.com/tasks/1` → `/tasks/1`: k6 names
 *   requests by URL by default), and so do the query string and fragment;
 * - a path segment that is an id becomes `{id}`: a number (`123`), a UUID, a hex id of 8 or
 *   more characters holding a digit (Mongo ObjectIds, hashes), a placeholder in any tool's
 *   notation (`{id}`, `{taskId}`, Locust's `[id]`, `:id`, `<id>`, k6's `${}` from `http.url`);
 * - repeated and trailing slashes go; the method is upper-cased.
 * A name that is not a path (JMeter labels like `UC02_Get_product`, Locust names like `Login`)
 * only has its whitespace collapsed: digits in it are part of the name.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HEX_ID = /^(?=[0-9a-f]*\d)[0-9a-f]{8,}$/i;
const NUMBER = /^\d+$/;
const PLACEHOLDER = /^(\{[^{}/]*\}|\[[^[\]/]*\]|:[A-Za-z_]\w*|<[^<>/]*>|\$\{[^{}/]*\})$/;

function isIdSegment(segment: string): boolean {
  let s = segment;
  try {
    s = decodeURIComponent(segment);
  } catch {
    // keep the raw segment
  }
  return NUMBER.test(s) || UUID.test(s) || HEX_ID.test(s) || PLACEHOLDER.test(s);
}

/** The name part of an endpoint, normalized (see the module comment). */
export function normalizeEndpointName(name: string): string {
  let n = name.trim().replace(/\s+/g, " ");
  const url = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*(.*)$/i.exec(n);
  if (url) n = url[1] || "/";
  if (!n.startsWith("/")) return n;
  n = n.replace(/[?#].*$/, "");
  const segments = n.split("/").filter((s) => s.length > 0);
  return `/${segments.map((s) => (isIdSegment(s) ? "{id}" : s)).join("/")}`;
}

/** The method, upper-cased; none (JMeter labels, some Locust names) is null. */
export function normalizeMethod(method: string | null): string | null {
  const m = method?.trim().toUpperCase();
  return m ? m : null;
}

/** The key endpoints match by: method and normalized name. */
export function endpointKey(method: string | null, name: string): string {
  return `${normalizeMethod(method) ?? ""} ${normalizeEndpointName(name)}`;
}
