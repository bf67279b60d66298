import { RequestAccumulator, type AccumulatorOptions, type RequestEvent } from "./request-accumulator";
import type { FormatId, NormalizedRun } from "./types";
import { errorKindOf } from "./values";

export interface JmeterSample {
  tMs: number | null;
  elapsedMs: number | null;
  label: string;
  method: string | null;
  responseCode: string;
  responseMessage: string;
  success: boolean;
  failureMessage: string;
  allThreads: number | null;
}

/**
 * JMeter's Transaction Controller writes its parent sample with this response message
 * (TransactionSampler), with "generate parent sample" on or off. Such rows are
 * transactions, not requests: they are listed in `transactions` and left out of the
 * request counts, percentiles, endpoints and time series.
 */
const TRANSACTION_MESSAGE = /^Number of samples in transaction : \d+, number of failing samples : \d+/;

export function isTransaction(s: Pick<JmeterSample, "responseMessage">): boolean {
  // The first letter first: a regular expression call per sample costs more than the rest of the check.
  return s.responseMessage.charCodeAt(0) === 78 /* N */ && TRANSACTION_MESSAGE.test(s.responseMessage);
}

function failure(s: JmeterSample): { kind: string; message: string | null } {
  const code = s.responseCode.trim();
  const nonHttp = /^Non HTTP response code: (.+)$/.exec(code);
  if (nonHttp) return { kind: nonHttp[1], message: s.responseMessage.replace(/^Non HTTP response message: /, "") || null };
  if (/^[45]\d\d$/.test(code)) return { kind: `HTTP ${code}`, message: s.failureMessage || s.responseMessage || null };
  if (s.failureMessage) return { kind: "assertion failed", message: s.failureMessage };
  if (s.responseMessage && !/^OK$/i.test(s.responseMessage.trim())) {
    return { kind: errorKindOf(s.responseMessage), message: s.responseMessage };
  }
  return { kind: code ? `response ${code}` : "failed", message: null };
}

/** Aggregates JMeter samples from either JTL flavour. */
export class JmeterCollector {
  readonly requests: RequestAccumulator;
  readonly transactions: RequestAccumulator;
  transactionCount = 0;
  /** Filled for each request: the accumulator does not keep it, and an object per sample costs allocation and GC. */
  private readonly event: RequestEvent = {
    tMs: null, endMs: null, latencyMs: null, failed: false, method: null, name: "", errorKind: null, errorMessage: null,
  };

  constructor(opts: AccumulatorOptions) {
    this.requests = new RequestAccumulator(opts);
    this.transactions = new RequestAccumulator({ ...opts, maxSamples: 1 });
  }

  add(s: JmeterSample, asTransaction = isTransaction(s)): void {
    const f = s.success ? null : failure(s);
    if (asTransaction) {
      this.transactionCount++;
      this.transactions.add({ tMs: null, latencyMs: s.elapsedMs, failed: !s.success, method: null, name: s.label });
      return;
    }
    const ev = this.event;
    ev.tMs = s.tMs;
    ev.latencyMs = s.elapsedMs;
    ev.failed = !s.success;
    ev.method = s.method;
    ev.name = s.label;
    ev.errorKind = f?.kind;
    ev.errorMessage = f?.message;
    this.requests.add(ev);
    if (s.allThreads !== null) this.requests.users(s.tMs, s.allThreads);
  }

  build(format: FormatId): NormalizedRun {
    const run = this.requests.buildRun("jmeter", format);
    if (this.transactionCount) {
      run.transactions = this.transactions.endpointStats(run.durationSeconds);
      for (const t of run.transactions) t.throughputRps = run.durationSeconds ? Math.round((t.requests / run.durationSeconds) * 1000) / 1000 : null;
    }
    return run;
  }
}
