/** The Launchgate command line: `npx launchgate <command>` (see `npx launchgate help`). */
import { parseArgs, UsageError } from "./cli/context";
import { gateCommand } from "./cli/gate";
import { tokenCreateCommand } from "./cli/token";
import { seedDemoCommand, userCreateCommand } from "./cli/users";

const HELP = `Usage: npx launchgate <command> [options]

Commands:
  seed-demo [--password P]                      load the demo project into an empty database
  user create --email E --role ROLE [--project SLUG] [--name N] [--password P]
                                                ROLE: VIEWER, ENGINEER, LEAD (need --project) or ADMIN
  gate <slug> [--as-of YYYY-MM-DD] [--json] [--url URL --token TOKEN]
                                                print the verdict and its gates; exit 0 GO,
                                                2 CONDITIONAL GO, 1 NO-GO, 3 could not evaluate
  gate --all [--json] [--url URL --token TOKEN]  every project's verdict, worst first; exit code the worst
  token create --project SLUG --role ROLE [--name N] [--expires-in-days D]
                                                print a new project API token (shown once)
  backup <file> / restore <file> [--yes]        gzip'd snapshot of the whole database / replace it by one
  import <slug> <files...> [--series S] [--format F] [--name N] [--kind K] [--users U] [--run-date D] [--dry-run] [--json]
         [--compare [--baseline RUN]]
                                                import one load-test run (several files = one run);
                                                exit 0 imported, 1 bad file (file:line: reason),
                                                duplicate or too large, 3 unknown project;
                                                with --compare then compare it (exit as compare)
  compare <slug> <run> [--baseline RUN] [--json] [--url URL --token TOKEN]
                                                the run against its baseline (default: the marked
                                                baseline, else the previous run at the same load);
                                                exit 0 no regression, 2 regression beyond
                                                tolerance, 3 could not compare
  checklist export <slug> [--format yaml|json] [--url URL --token TOKEN]
                                                print the checklist as code (YAML or JSON)
  checklist apply <slug> <file> [--dry-run] [--prune] [--check] [--json] [--url URL --token TOKEN]
                                                apply a checklist file (matched by key; progress is
                                                never touched); --check changes nothing: exit 0 the
                                                project matches, 2 it differs, 1 bad file, 3 could not evaluate
  template list                                 the built-in checklist templates
  project create --slug S --name N [--template NAME|FILE] [--lead EMAIL]
                                                a project from a template or a checklist file
  help                                          this text

Works on DATABASE_URL when set, else on the embedded database in LAUNCHGATE_DATA_DIR (./.launchgate).
`;

type Command = (flags: Record<string, string | true>, positional: string[]) => Promise<number>;
const COMMANDS: Record<string, Command> = {
  "seed-demo": (f) => seedDemoCommand(f),
  "user create": (f) => userCreateCommand(f),
  "token create": (f) => tokenCreateCommand(f),
  gate: (f, p) => gateCommand(f, p),
  compare: (f, p) => import("./cli/compare").then((m) => m.compareCommand(f, p)),
  import: (f, p) => import("./cli/import").then((m) => m.importCommand(f, p)),
  "checklist export": (f, p) => import("./cli/checklist").then((m) => m.checklistExportCommand(f, p)),
  "checklist apply": (f, p) => import("./cli/checklist").then((m) => m.checklistApplyCommand(f, p)),
  "template list": () => import("./cli/project").then((m) => m.templateListCommand()),
  "project create": (f) => import("./cli/project").then((m) => m.projectCreateCommand(f)),
  backup: (f, p) => import("./cli/backup").then((m) => m.backupCommand(f, p)), restore: (f, p) => import("./cli/backup").then((m) => m.restoreCommand(f, p)),
};

export function registerCommand(name: string, fn: Command): void {
  COMMANDS[name] = fn;
}

async function main(argv: string[]): Promise<number> {
  const { positional, flags } = parseArgs(argv);
  if (positional.length === 0 || positional[0] === "help" || flags.help) {
    console.log(HELP);
    return positional.length === 0 && !flags.help ? 64 : 0;
  }
  const two = positional.slice(0, 2).join(" ");
  const [name, rest] = COMMANDS[two] ? [two, positional.slice(2)] : [positional[0], positional.slice(1)];
  const cmd = COMMANDS[name];
  if (!cmd) {
    console.error(`Unknown command '${positional.join(" ")}'.\n\n${HELP}`);
    return 64;
  }
  return cmd(flags, rest);
}

main(process.argv.slice(2))
  .then((code) => process.exit(code))
  .catch((err) => {
    if (err instanceof UsageError) {
      console.error(`${err.message}\n\n${HELP}`);
      process.exit(64);
    }
    console.error(`launchgate: ${(err as Error).message}`);
    process.exit(1);
  });
