import "server-only";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { noteDatabaseError } from "./db-outage";
import { getDbEnv } from "./env";

export type Db = PrismaClient;

export interface PoolOptions {
  max?: number;
  /** Wait for a free connection, and for a new one to be established (→ 503 past it). */
  timeoutMs?: number;
  /**
   * Longest a statement may run: PostgreSQL's `statement_timeout`, plus a client-side read
   * timeout a little longer, which also fires when the server does not answer at all (a frozen
   * or partitioned database). Unset: no limit (CLI, backups, migrations).
   */
  statementTimeoutMs?: number;
}

/** Builds a client on a bounded pg pool: a saturated pool times out (→ 503) instead of queueing forever. */
export function createPrismaClient(url: string, opts: PoolOptions = {}): PrismaClient {
  return createClientWithPool(url, opts).client;
}

function createClientWithPool(url: string, opts: PoolOptions) {
  const statement = opts.statementTimeoutMs;
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.max ?? 20,
    connectionTimeoutMillis: opts.timeoutMs ?? 5000,
    idleTimeoutMillis: 30_000,
    keepAlive: true,
    ...(statement ? { statement_timeout: statement, query_timeout: statement + 1000, idle_in_transaction_session_timeout: Math.max(statement * 4, 10_000) } : {}),
  });
  // An idle connection dropped by a restarting database must not crash the process.
  pool.on("error", () => {});
  watchErrors(pool);
  const client = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  return { client, pool };
}

type Queryable = { query: (...args: unknown[]) => unknown };
const isPromise = (r: unknown): r is Promise<unknown> => Boolean(r && typeof (r as Promise<unknown>).then === "function");

/**
 * Every failed query or connection attempt is shown to the request's outage flag (db-outage.ts).
 * A connection checked out for a transaction whose query hit the client read timeout is closed at
 * once: the database may still be working on that query, so the ROLLBACK that follows would wait
 * behind it (doubling the time to the 503) and the connection must not be reused anyway.
 */
function watchErrors(pool: pg.Pool): void {
  const query = pool.query.bind(pool) as (...args: unknown[]) => unknown;
  const connect = pool.connect.bind(pool) as (...args: unknown[]) => unknown;
  const watch = (r: unknown) => {
    if (isPromise(r)) r.catch(noteDatabaseError);
    return r;
  };
  const closeOnReadTimeout = (client: pg.PoolClient) => {
    const c = client as unknown as Queryable & { launchgateWatched?: boolean; connection?: { stream?: { destroy: () => void } } };
    if (c.launchgateWatched) return;
    c.launchgateWatched = true;
    const clientQuery = c.query.bind(c);
    c.query = (...args: unknown[]) => {
      const r = clientQuery(...args);
      if (isPromise(r)) {
        r.catch((err: unknown) => {
          if (err instanceof Error && err.message === "Query read timeout") c.connection?.stream?.destroy();
        });
      }
      return r;
    };
  };
  (pool as unknown as Queryable).query = (...args: unknown[]) => watch(query(...args));
  (pool as unknown as { connect: unknown }).connect = (...args: unknown[]) => {
    const r = watch(connect(...args));
    if (isPromise(r)) r.then((client) => closeOnReadTimeout(client as pg.PoolClient), () => {});
    return r;
  };
}

const globalForPrisma = globalThis as unknown as { launchgatePrisma?: PrismaClient; launchgatePool?: pg.Pool };

/** The process-wide client (one pool per process, also across Next's hot reloads). */
export function getDb(): PrismaClient {
  if (!globalForPrisma.launchgatePrisma) {
    const env = getDbEnv();
    const { client, pool } = createClientWithPool(env.DATABASE_URL, {
      max: env.DATABASE_POOL_SIZE,
      timeoutMs: env.DATABASE_POOL_TIMEOUT_MS,
      statementTimeoutMs: env.DATABASE_STATEMENT_TIMEOUT_MS,
    });
    globalForPrisma.launchgatePrisma = client;
    globalForPrisma.launchgatePool = pool;
  }
  return globalForPrisma.launchgatePrisma;
}

/** The pg pool under getDb(), for the few hot reads written in plain SQL (same limits, same outage watch). */
export function getPool(): pg.Pool {
  getDb();
  return globalForPrisma.launchgatePool!;
}

/** Connections of this process's pool: for /metrics. */
export function getPoolStats(): { total: number; idle: number; waiting: number; max: number } | null {
  const p = globalForPrisma.launchgatePool;
  if (!p) return null;
  return { total: p.totalCount, idle: p.idleCount, waiting: p.waitingCount, max: p.options.max ?? 0 };
}
