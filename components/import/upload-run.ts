/** Browser side of `POST /api/v1/projects/{slug}/runs`: XHR, because fetch reports no upload progress. */

export interface ImportOptionsInput {
  name: string;
  kind: string;
  users: string;
  /** A series slug; "" = automatic (the tool's test name, else the default series). */
  series?: string;
}

export interface ApiError {
  status: number;
  code: string;
  message: string;
  details?: { file?: string | null; line?: number | null; reason?: string; runId?: string; name?: string } | unknown;
}

export type UploadResult<T> = { ok: true; status: number; body: T } | { ok: false; error: ApiError };

export function importUrl(slug: string, opts: ImportOptionsInput, dryRun: boolean): string {
  const q = new URLSearchParams();
  if (dryRun) q.set("dryRun", "1");
  if (opts.name.trim()) q.set("name", opts.name.trim());
  if (opts.kind) q.set("kind", opts.kind);
  if (opts.users.trim()) q.set("users", opts.users.trim());
  if (opts.series?.trim()) q.set("series", opts.series.trim().toLowerCase());
  const qs = q.toString();
  return `/api/v1/projects/${encodeURIComponent(slug)}/runs${qs ? `?${qs}` : ""}`;
}

/**
 * Per-file progress from the bytes sent of the whole multipart body: the parts travel in order,
 * each a few hundred bytes of headers (the overhead, shared evenly) and then the file.
 */
export function splitProgress(sent: number, total: number, sizes: number[]): number[] {
  const body = sizes.reduce((a, b) => a + b, 0);
  const header = Math.max(0, total - body) / Math.max(1, sizes.length);
  let pos = sent;
  return sizes.map((size) => {
    pos -= header;
    const done = Math.max(0, Math.min(size, pos));
    pos -= size;
    return size === 0 ? (sent >= total ? 1 : 0) : done / size;
  });
}

/** Posts the files as one multipart form (fields named `file`), reporting per-file progress (0..1). */
export function uploadRun<T>(
  url: string,
  files: File[],
  onProgress: (perFile: number[]) => void,
  signal?: AbortSignal,
): Promise<UploadResult<T>> {
  return new Promise((resolve) => {
    const form = new FormData();
    for (const f of files) form.append("file", f, f.name);
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.responseType = "json";
    xhr.setRequestHeader("accept", "application/json");
    const sizes = files.map((f) => f.size);
    xhr.upload.onprogress = (e) => onProgress(splitProgress(e.loaded, e.lengthComputable ? e.total : e.loaded, sizes));
    xhr.upload.onload = () => onProgress(sizes.map(() => 1));
    xhr.onload = () => {
      const body = xhr.response as (T & { error?: Omit<ApiError, "status"> }) | null;
      if (xhr.status >= 200 && xhr.status < 300 && body) resolve({ ok: true, status: xhr.status, body });
      else if (body?.error) resolve({ ok: false, error: { status: xhr.status, ...body.error } });
      else resolve({ ok: false, error: { status: xhr.status, code: "http", message: `The server answered ${xhr.status || "nothing"}${xhr.statusText ? ` (${xhr.statusText})` : ""}.` } });
    };
    xhr.onerror = () => resolve({ ok: false, error: { status: 0, code: "network", message: "The upload was interrupted: the server could not be reached or closed the connection." } });
    xhr.onabort = () => resolve({ ok: false, error: { status: 0, code: "aborted", message: "Upload cancelled." } });
    signal?.addEventListener("abort", () => xhr.abort());
    xhr.send(form);
  });
}

export function formatSize(n: number): string {
  if (n >= 1024 ** 3) return `${(n / 1024 ** 3).toFixed(2)} GB`;
  if (n >= 1024 ** 2) return `${(n / 1024 ** 2).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} B`;
}
