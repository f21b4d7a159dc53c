// `credit-sim test` flags as commander hands them over → checked, typed options. Every rejection is a
// UsageError (exit 2) that names the value and shows the expected form.

import { Checks, suggest, UsageError } from "../shared/errors.js";
import { isCI } from "../shared/terminal.js";
import { printable, quoted } from "../shared/text.js";
import { compileGrep, type Grep } from "./grep.js";
import { parseShard, type Shard } from "./shard.js";

const REPORTERS = ["pretty", "json", "junit", "github", "html"] as const;
type ReporterName = (typeof REPORTERS)[number];

const EXTENSION: Record<ReporterName, string> = {
  pretty: "txt",
  json: "json",
  junit: "xml",
  github: "txt",
  html: "html",
};

export interface RawTestOptions {
  reporter?: string[];
  outputFile?: string[];
  output?: string;
  updateSnapshots?: boolean;
  snapshots?: boolean;
  grep?: string;
  shard?: string;
  bail?: boolean;
  workers?: number;
  color?: boolean;
  force?: boolean;
}

export interface ReporterTarget {
  name: ReporterName;
  /** null: stdout */
  file: string | null;
  /** the option that named the file when it was --output (absent: `--output-file NAME`), as a refusal
   *  of the file says it — "--output-file junit" named an option never typed */
  flag?: "--output";
}

export interface TestOptions {
  reporters: ReporterTarget[];
  grep: Grep | null;
  shard: Shard | null;
  bail: boolean;
  /** undefined: as many as the machine has cores (small suites run in the main thread anyway) */
  workers: number | undefined;
  update: boolean;
  /** golden traces checked at all (--no-snapshots turns them off) */
  snapshots: boolean;
  /** CI=true: a missing golden trace fails instead of being written */
  ci: boolean;
  color: boolean;
  /** a report file may replace a file credit-sim did not write */
  force: boolean;
}

export type Env = Readonly<Record<string, string | undefined>>;

function reporterName(text: string, flag: string): ReporterName {
  const name = text.trim().toLowerCase();
  if ((REPORTERS as readonly string[]).includes(name)) return name as ReporterName;
  const guess = suggest(name, REPORTERS);
  throw new UsageError(
    `${flag}: unknown reporter ${quoted(text)}; expected one of ${REPORTERS.join(", ")}`,
    guess
      ? `did you mean "${guess}"?`
      : "e.g. --reporter pretty --reporter junit --output-file junit=report.xml",
  );
}

/**
 * One --output-file value as the REPORTER=FILE pairs it holds: comma-separated as --reporter's names are
 * (`json=r.json,junit=r.xml`). A comma starts another pair only before a word and `=`, so a file's name
 * may hold commas (`junit=report,v2.xml`); the word is then a reporter's name, or refused as one.
 */
const outputFileParts = (spec: string): string[] => spec.split(/,\s*(?=[A-Za-z]\w*\s*=)/);

export function parseTestOptions(raw: RawTestOptions, env: Env): TestOptions {
  // every problem is told at once; what depends on the reporters is checked when every one was read
  const c = new Checks();
  let namesRead = true;
  const names: ReporterName[] = [];
  const addName = (n: ReporterName | undefined) => {
    if (n === undefined) namesRead = false;
    else if (!names.includes(n)) names.push(n);
  };
  for (const r of raw.reporter ?? []) {
    for (const part of r.split(",")) {
      // an empty name (an unset variable, a stray comma) is a mistake, not a request for the default
      if (part.trim() === "") {
        namesRead = false;
        c.tell(
          new UsageError(
            `--reporter: an empty reporter name in ${quoted(r)}; expected one of ${REPORTERS.join(", ")}`,
            "e.g. --reporter pretty,junit --output-file junit=report.xml",
          ),
        );
      } else addName(c.known(() => reporterName(part, "--reporter")));
    }
  }
  // no --reporter: the human report, plus whatever --output-file names
  if (names.length === 0 && namesRead) names.push("pretty");
  const files = new Map<ReporterName, string>();
  for (const spec of (raw.outputFile ?? []).flatMap(outputFileParts)) {
    const eq = spec.indexOf("=");
    if (eq <= 0 || eq === spec.length - 1) {
      namesRead = false;
      c.tell(
        new UsageError(
          `--output-file must be REPORTER=FILE, got ${quoted(spec)}`,
          "e.g. --output-file junit=report.xml",
        ),
      );
      continue;
    }
    const name = c.known(() => reporterName(spec.slice(0, eq), "--output-file"));
    if (name === undefined) {
      namesRead = false;
      continue;
    }
    // one file a reporter: a second one is refused, not settled by the last
    if (files.has(name))
      c.tell(new UsageError(`--output-file: ${name} is given twice`, "give each reporter one file"));
    files.set(name, spec.slice(eq + 1));
    addName(name);
  }
  let fromOutput: ReporterName | null = null;
  if (raw.output !== undefined && namesRead) {
    const candidates = names.filter((n) => !files.has(n));
    const target =
      candidates.length === 1
        ? candidates[0]
        : candidates.filter((n) => n !== "pretty").length === 1
          ? candidates.find((n) => n !== "pretty")
          : undefined;
    if (target === undefined) {
      // where the reporters write is then not known: it is not told twice as too many on stdout
      namesRead = false;
      c.tell(
        new UsageError(
          `--output FILE is for a single reporter; ${names.join(", ")} are selected`,
          "name the reporter: --output-file junit=report.xml",
        ),
      );
    } else {
      files.set(target, raw.output);
      fromOutput = target;
    }
  }
  // `-` is standard output, as for every file credit-sim writes
  const reporters = names.map((name) => {
    const file = files.get(name);
    const target: ReporterTarget = { name, file: file === undefined || file === "-" ? null : file };
    if (target.file !== null && fromOutput === name) target.flag = "--output";
    return target;
  });
  // GitHub Actions reads workflow commands from stdout, between whatever else is printed there
  const onStdout = reporters.filter((r) => r.file === null && r.name !== "github");
  if (onStdout.length > 1 && namesRead)
    c.tell(
      new UsageError(
        `only one reporter can write to stdout, but ${onStdout.map((r) => r.name).join(" and ")} would`,
        `send the others to files, e.g. --output-file ${onStdout[1]!.name}=report.${EXTENSION[onStdout[1]!.name]}`,
      ),
    );
  let grep: Grep | null = null;
  if (raw.grep !== undefined) {
    const pattern = raw.grep;
    grep = c.value(() => {
      // an empty pattern (an unset variable: --grep "$PATTERN") matches every scenario, and one of spaces
      // alone nearly every one: refused alike, as an empty value of any other option is
      if (pattern.trim() === "")
        throw new UsageError(
          `--grep: ${pattern === "" ? "an empty pattern" : "a pattern of white space alone"} (found ${quoted(pattern)})`,
          "it would match every scenario: give a part of a scenario's name or file, or leave out --grep to run them all",
        );
      if (pattern.length > 1000)
        throw new UsageError("--grep: at most 1000 characters", "match a part of the name or file instead");
      try {
        return compileGrep(pattern);
      } catch (e) {
        // re2js reads a case-blind pattern as `(?i)` and the pattern, and quotes that: said as typed
        const why = (e as Error).message.replace(/`\(\?i\)/g, "`");
        throw new UsageError(
          `--grep: not a valid regular expression (RE2 syntax): ${printable(why)}`,
          "escape special characters, e.g. --grep 'Zhang Ming \\(v2\\)'; lookaround and backreferences are not supported",
        );
      }
    }, null);
  }
  // asked to write golden traces and to leave them alone: neither can be what was meant
  if (raw.updateSnapshots === true && raw.snapshots === false)
    c.tell(
      new UsageError(
        "-u writes golden traces and --no-snapshots turns them off: they cannot go together",
        "drop one: -u to rewrite the traces, --no-snapshots to run the expectations alone",
      ),
    );
  if (raw.workers !== undefined && raw.workers < 1)
    c.tell(
      new UsageError(
        `--workers must be at least 1, got ${raw.workers}`,
        "--workers 1 runs everything in one thread",
      ),
    );
  if (raw.force === true && reporters.every((r) => r.file === null))
    c.tell(
      new UsageError(
        "--force goes with --output FILE or --output-file REPORTER=FILE",
        "it lets a report replace a file already there",
      ),
    );
  const shard = raw.shard === undefined ? null : c.value(() => parseShard(raw.shard!), null);
  c.done();
  return {
    reporters,
    grep,
    shard,
    bail: raw.bail === true,
    workers: raw.workers,
    update: raw.updateSnapshots === true,
    snapshots: raw.snapshots !== false,
    ci: isCI(env),
    color: raw.color !== false,
    force: raw.force === true,
  };
}
