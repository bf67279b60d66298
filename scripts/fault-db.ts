/**
 * Test helper (used by e2e/api/faults.spec.ts): runs an embedded PostgreSQL on a given data dir and
 * port, migrated and seeded with the demo, prints `READY <url>`, and stops it cleanly on SIGTERM —
 * so a test can take the database away and bring it back on the same port.
 */
import { createPrismaClient } from "@/lib/server/db";
import { startEmbeddedPostgres } from "@/lib/server/runtime/embedded-postgres";
import { migrate } from "@/lib/server/runtime/migrate";
import { isDatabaseEmpty, seedDemo } from "@/lib/server/runtime/seed-demo";

const [dataDir, portArg] = process.argv.slice(2);
if (!dataDir || !portArg) {
  console.error("usage: fault-db.ts <dataDir> <port>");
  process.exit(64);
}

async function main() {
  const db = await startEmbeddedPostgres({ dataDir, port: Number(portArg), log: () => {}, quiet: true });
  if (db.port !== Number(portArg)) throw new Error(`port ${portArg} was taken`);
  await migrate(db.url);
  const client = createPrismaClient(db.url, { max: 2 });
  if (await isDatabaseEmpty(client)) await seedDemo(client, process.env.LAUNCHGATE_DEMO_PASSWORD || "e2e-demo-password");
  await client.$disconnect();
  console.log(`READY ${db.url}`);
  const stop = async () => {
    await db.stop();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop());
  process.on("SIGINT", () => void stop());
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
