import type { ErrorKindCount } from "./types";

const MAX_MESSAGE = 500;

/** Counts errors by kind, endpoint and message; distinct rows are capped (rest → "(other)"). */
export class ErrorCounter {
  private rows = new Map<string, ErrorKindCount>();
  private overflow = 0;

  constructor(private readonly maxRows = 200) {}

  add(kind: string, count = 1, endpoint: string | null = null, message: string | null = null): void {
    if (count <= 0) return;
    const msg = message && message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE - 3)}...` : message;
    const key = `${kind}\u0000${endpoint ?? ""}\u0000${msg ?? ""}`;
    const row = this.rows.get(key);
    if (row) {
      row.count += count;
    } else if (this.rows.size < this.maxRows) {
      this.rows.set(key, { kind, count, endpoint, message: msg });
    } else {
      this.overflow += count;
    }
  }

  list(): ErrorKindCount[] {
    const out = [...this.rows.values()].sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind));
    if (this.overflow) out.push({ kind: "(other)", count: this.overflow, endpoint: null, message: null });
    return out;
  }
}
