import fs from "node:fs";
import { execFileSync } from "node:child_process";

/** The parent pid of `pid` (Linux /proc, else `ps`); null when unknown. */
function parentOf(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // pid (comm) state ppid …: comm may hold spaces and parentheses, so read after the last ')'.
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    try {
      return Number(execFileSync("ps", ["-o", "ppid=", "-p", String(pid)]).toString().trim()) || null;
    } catch {
      return null;
    }
  }
}

function commandOf(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ");
  } catch {
    try {
      return execFileSync("ps", ["-o", "command=", "-p", String(pid)]).toString();
    } catch {
      return "";
    }
  }
}

/**
 * The processes that started us and whose end means "stop": the wrappers between us and the
 * command the user ran (tsx, `sh -c`, npm/npx) up to npm itself, or up to the first process that
 * is not such a wrapper. Never pid 1, never what started npm (`nohup npm start &` outlives its shell).
 */
export function launchChain(): number[] {
  const out: number[] = [];
  let pid: number | null = process.ppid;
  while (pid && pid > 1 && out.length < 8) {
    out.push(pid);
    const cmd = commandOf(pid);
    if (/(^|[\s/])(npm|npx)(-cli\.js)?(\s|$)|npm-cli|npx-cli/.test(cmd)) break;
    if (!/tsx|^(\S*\/)?(ba|da|z)?sh -c /.test(cmd)) break;
    pid = parentOf(pid);
  }
  return out;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Calls `onGone` once when the process that started us is gone: our parent, or any ancestor
 * (`npm start` runs us through npm, a shell and tsx: a supervisor's SIGTERM to npm ends npm and
 * the shell but reaches neither tsx nor us). Polls every `intervalMs`.
 */
export function watchAncestors(onGone: (pid: number) => void, intervalMs = 500): () => void {
  const watched = launchChain();
  const parent = process.ppid;
  const timer = setInterval(() => {
    const gone = process.ppid !== parent ? parent : watched.find((pid) => !isAlive(pid));
    if (gone !== undefined) {
      clearInterval(timer);
      onGone(gone);
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
