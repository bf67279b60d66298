export interface IngestErrorDetails {
  file?: string;
  line?: number;
  reason: string;
}

/** A bad input file: the API answers 422 with `file`, `line` and `reason`. */
export class IngestError extends Error {
  readonly file?: string;
  readonly line?: number;
  readonly reason: string;

  constructor(details: IngestErrorDetails) {
    const where = [details.file, details.line !== undefined ? `line ${details.line}` : null]
      .filter(Boolean)
      .join(", ");
    super(where ? `${where}: ${details.reason}` : details.reason);
    this.name = "IngestError";
    this.file = details.file;
    this.line = details.line;
    this.reason = details.reason;
  }

  toJSON(): IngestErrorDetails {
    return { file: this.file, line: this.line, reason: this.reason };
  }
}

/** Adds the file name to an IngestError raised by an inner helper that did not know it. */
export function withFile(err: unknown, file: string | undefined): unknown {
  if (err instanceof IngestError && file && !err.file) {
    return new IngestError({ file, line: err.line, reason: err.reason });
  }
  return err;
}

/**
 * A run without a single request (a header alone, or a header and a cut first row) is not a run:
 * refused with "no requests found" so that nothing is stored.
 */
export function requireRequests<R extends { requests: number }>(run: R, fileNames: string[]): R {
  if (run.requests > 0) return run;
  throw new IngestError({
    file: fileNames.length === 1 ? fileNames[0] : undefined,
    reason: `no requests found: ${fileNames.length === 1 ? "the file holds" : `the files (${fileNames.join(", ")}) hold`} no completed request, so there is no run to import`,
  });
}
