import { createPrismaClient, type Db } from "@/lib/server/db";
import { openDatabase } from "@/lib/server/runtime/prepare-database";
import { migrate } from "@/lib/server/runtime/migrate";

/** Opens the database the CLI works on (DATABASE_URL, else the embedded one), migrated. */
export async function withDatabase<T>(fn: (db: Db, url: string) => Promise<T>, opts: { quiet?: boolean } = {}): Promise<T> {
  const log = opts.quiet ? () => {} : (l: string) => console.error(`[launchgate] ${l}`);
  const opened = await openDatabase(log, { quiet: true });
  const db = createPrismaClient(opened.url, { max: 4 });
  try {
    await migrate(opened.url, { log });
    return await fn(db, opened.url);
  } finally {
    await db.$disconnect();
    await opened.embedded?.stop();
  }
}

export class UsageError extends Error {}

/** Minimal flag parser: --name value, --flag, positional args. */
export function parseArgs(argv: string[]): { positional: string[]; flags: Record<string, string | true> } {
  const positional: string[] = [];
  const flags: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith("--")) {
      const [k, v] = a.slice(2).split("=", 2);
      if (v !== undefined) flags[k] = v;
      else if (argv[i + 1] !== undefined && !argv[i + 1].startsWith("--")) flags[k] = argv[++i];
      else flags[k] = true;
    } else positional.push(a);
  }
  return { positional, flags };
}

export function flag(flags: Record<string, string | true>, name: string, required = false): string | undefined {
  const v = flags[name];
  if (v === undefined || v === true) {
    if (required) throw new UsageError(`--${name} is required`);
    return undefined;
  }
  return v;
}
