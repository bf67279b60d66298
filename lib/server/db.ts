import "server-only";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { getDbEnv } from "./env";

export type Db = PrismaClient;

/** Builds a client on a bounded pg pool: a saturated pool times out (→ 503) instead of queueing forever. */
export function createPrismaClient(url: string, opts: { max?: number; timeoutMs?: number } = {}): PrismaClient {
  return createClientWithPool(url, opts).client;
}

function createClientWithPool(url: string, opts: { max?: number; timeoutMs?: number }) {
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.max ?? 20,
    connectionTimeoutMillis: opts.timeoutMs ?? 5000,
    idleTimeoutMillis: 30_000,
  });
  // An idle connection dropped by a restarting database must not crash the process.
  pool.on("error", () => {});
  const client = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  return { client, pool };
}

const globalForPrisma = globalThis as unknown as { launchgatePrisma?: PrismaClient; launchgatePool?: pg.Pool };

/** The process-wide client (one pool per process, also across Next's hot reloads). */
export function getDb(): PrismaClient {
  if (!globalForPrisma.launchgatePrisma) {
    const env = getDbEnv();
    const { client, pool } = createClientWithPool(env.DATABASE_URL, { max: env.DATABASE_POOL_SIZE, timeoutMs: env.DATABASE_POOL_TIMEOUT_MS });
    globalForPrisma.launchgatePrisma = client;
    globalForPrisma.launchgatePool = pool;
  }
  return globalForPrisma.launchgatePrisma;
}

/** Connections of this process's pool: for /metrics. */
export function getPoolStats(): { total: number; idle: number; waiting: number; max: number } | null {
  const p = globalForPrisma.launchgatePool;
  if (!p) return null;
  return { total: p.totalCount, idle: p.idleCount, waiting: p.waitingCount, max: p.options.max ?? 0 };
}
