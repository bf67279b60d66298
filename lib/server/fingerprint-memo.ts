import "server-only";

/**
 * A small least-recently-used map for view models derived from a project's data, keyed by a
 * string that includes a data fingerprint (so a change is a new key, never a stale hit). Kept on
 * globalThis so dev reloads of a module share it, like the readiness cache.
 */
export function createFingerprintMemo<T>(name: string, maxEntries = 32) {
  const g = globalThis as unknown as Record<string, Map<string, T> | undefined>;
  const key = `launchgateMemo:${name}`;
  const memo = (g[key] ??= new Map<string, T>());
  return {
    get(k: string): T | undefined {
      const v = memo.get(k);
      if (v !== undefined) {
        memo.delete(k);
        memo.set(k, v);
      }
      return v;
    },
    set(k: string, v: T): void {
      memo.delete(k);
      memo.set(k, v);
      while (memo.size > maxEntries) memo.delete(memo.keys().next().value!);
    },
    clear(): void {
      memo.clear();
    },
  };
}
