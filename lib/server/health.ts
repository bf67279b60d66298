import "server-only";
import { getDb } from "./db";

/** Pings the database with a short deadline: a hung database must not hang the health check. */
export async function checkDatabase(timeoutMs = 2000): Promise<boolean> {
  try {
    await Promise.race([
      getDb().$queryRaw`SELECT 1`,
      new Promise((_, reject) => setTimeout(() => reject(new Error("health check timed out")), timeoutMs)),
    ]);
    return true;
  } catch {
    return false;
  }
}
