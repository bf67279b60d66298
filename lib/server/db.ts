import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { getDbEnv } from "./env";

export type Db = PrismaClient;

/** Builds a client on a bounded pg pool: a saturated pool times out (→ 503) instead of queueing forever. */
export function createPrismaClient(url: string, opts: { max?: number; timeoutMs?: number } = {}): PrismaClient {
  const adapter = new PrismaPg({
    connectionString: url,
    max: opts.max ?? 20,
    connectionTimeoutMillis: opts.timeoutMs ?? 5000,
    idleTimeoutMillis: 30_000,
  });
  return new PrismaClient({ adapter });
}

const globalForPrisma = globalThis as unknown as { launchgatePrisma?: PrismaClient };

/** The process-wide client (one pool per process, also across Next's hot reloads). */
export function getDb(): PrismaClient {
  if (!globalForPrisma.launchgatePrisma) {
    const env = getDbEnv();
    globalForPrisma.launchgatePrisma = createPrismaClient(env.DATABASE_URL, {
      max: env.DATABASE_POOL_SIZE,
      timeoutMs: env.DATABASE_POOL_TIMEOUT_MS,
    });
  }
  return globalForPrisma.launchgatePrisma;
}
