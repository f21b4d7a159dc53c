// The flag form of `credit-sim whatif`, in-process with no terminal: what a script or CI sees.

import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli } from "../helpers/cli.js";

const LATE = "test/fixtures/whatif/late-payer.yaml";
const PHONE = "test/fixtures/whatif/phone-changes.yaml";
const tmp = () => mkdtempSync(join(tmpdir(), "whatif-cli-"));

describe("credit-sim whatif (flags)", () => {
  it("the contract's 'change the seed': --seed is accepted and changes nothing, said why; --set seed=… says why too", async () => {
    const plain = await cli(["whatif", LATE, "--set", "minScore=600", "--json"]);
    const seeded = await cli(["whatif", LATE, "--set", "minScore=600", "--json", "--seed", "42"]);
    expect(seeded.status).toBe(0);
    expect(seeded.stdout).toBe(plain.stdout);
    expect(seeded.stderr).toMatch(/warning: --seed: ignored: a scenario is deterministic/);
    const asParameter = await cli(["whatif", LATE, "--set", "seed=7"]);
    expect(asParameter.status).toBe(2);
    expect(asParameter.stdout).toBe("");
    expect(asParameter.stderr).toMatch(
      /seed is not a policy parameter, and a scenario has no seed to change/,
    );
    expect(asParameter.stderr).not.toMatch(/remove it/);
  });

  // spaces around a value were trimmed in silence, where --days " 30" is refused: told as --challenger-set's are
  it("--set's value in another script's digits is told the ASCII digits to write, as --sweep's is", async () => {
    const r = await cli(["whatif", LATE, "--set", "minScore=６50"]);
    expect(r.status).toBe(2);
    expect(/hint: +(.*)/.exec(r.stderr)?.[1]).toBe("write 650: a number is written in ASCII digits (0–9)");
  });

  it.each([
    ["minScore= 600", "write minScore=600, without the spaces in it"],
    ["minScore =600,restoreScore=680", "write minScore=600,restoreScore=680, without the spaces in it"],
    [" minScore=600", "write minScore=600, without the spaces around it"],
  ])("--set %j is refused with the value meant", async (value, hint) => {
    const r = await cli(["whatif", LATE, "--set", value]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("--set takes name=value");
    expect(/hint: +(.*)/.exec(r.stderr)?.[1]).toBe(hint);
  });

  it("--set reads pairs a comma and a space apart, as a list is written", async () => {
    const r = await cli(["whatif", LATE, "--set", "minScore=600, restoreScore=680", "--json"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  });

  it("without a terminal and without edits, says how to use the flags and exits 2", async () => {
    const r = await cli(["whatif", LATE]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("needs a terminal");
    expect(r.stderr).toContain("--remove");
    expect(r.stderr).not.toMatch(/\n\s+at /);
    // the flags said in words, not a block whose line breaks a one-line hint shows as "\n"
    expect(r.stderr).not.toContain("\\n");
    expect(r.stderr).toContain("--edit '7:day=65'");
  });

  it("on a terminal under CI, or a dumb one, opens no session: says how to use the flags and exits 2", async () => {
    for (const [env, said] of [
      [{ CI: "true", TERM: "xterm" }, "under CI"],
      [{ CI: "", TERM: "dumb" }, "TERM=dumb"],
    ] as const) {
      // stdin and stdout a terminal: without the checks, the prompts would wait for keys nobody types
      const r = await cli(["whatif", LATE], { tty: true, columns: 80, env });
      expect(r.status).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toContain(said);
      expect(r.stderr).toContain("--remove");
    }
  });

  it("a penalty below the interest it replaces, brought by an edit, runs with a warning as `run` gives it for the variant saved", async () => {
    const dir = tmp();
    writeFileSync(join(dir, "cheap.yaml"), "name: cheap\nextends: default\npenaltyRatePerDay: 0.0001\n");
    // the file's own caution (a Jiebei rate above its penalty, on day 5) is told once, as it loads
    const text = [
      "name: t",
      "profile: { age: 27, monthlyIncome: 6000, verified: true, creditHistoryMonths: 24, externalDebt: 0 }",
      "events:",
      "  - { day: 0, type: apply, product: open, amount: 4000 }",
      "  - { day: 5, type: policy, set: { jiebeiRatePerDay: 0.001 } }",
      "",
    ].join("\n");
    const file = join(dir, "s.yaml");
    writeFileSync(file, text);
    const own = `credit-sim: warning: ${file}:5:54: events[1].set.jiebeiRatePerDay: a penalty below the interest it replaces`;
    const warnings = async (...edits: string[]) => {
      const r = await cli(["whatif", file, ...edits, "--json"]);
      expect(r.status).toBe(0);
      const lines = r.stderr.split("\n").filter((l) => l !== "");
      expect(lines[0]!.slice(0, own.length)).toBe(own);
      return lines.slice(1).map((l) => l.replace(/: a penalty below[\s\S]*$/, ""));
    };
    expect(await warnings("--set", "penaltyRatePerDay=0.0001")).toEqual([
      "credit-sim: warning: --set: penaltyRatePerDay",
    ]);
    expect(await warnings("--add", "{ day: 10, type: policy, set: { penaltyRatePerDay: 0.0002 } }")).toEqual([
      `credit-sim: warning: ${file} (what-if): event #3.set.penaltyRatePerDay`,
    ]);
    expect(await warnings("--policy", join(dir, "cheap.yaml"))).toEqual([
      `credit-sim: warning: ${join(dir, "cheap.yaml")}:3:20: penaltyRatePerDay`,
    ]);
    // an edit that warns of nothing: the file's own caution is not told again (against default*, after --set)
    expect(await warnings("--set", "minScore=600")).toEqual([]);
  });

  it("lists the numbered events", async () => {
    const r = await cli(["whatif", LATE, "--list"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/#5\s+24\s+2024-01-25\s+apply for \+¥2,000\.00 limit\s+declined/);
    expect(r.stdout).toMatch(/·\s+70\s+.*suspended/);
  });

  // the edit flags were dropped in silence: the file's own listing, #5 still there, the suspension of day
  // 70 and the decline of #9 it caused
  it("--list with edit flags lists the variant they make: its events by their numbers, decided again", async () => {
    const edits = ["--remove", "5", "--edit", "7:day=60", "--add", "{day: 65, type: repay, amount: full}"];
    const r = await cli(["whatif", LATE, ...edits, "--list"]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain(
      [
        "Late payer — events by number (use with --remove / --edit)",
        "",
        "Edits",
        "  removed #5 (apply for +¥2,000.00 limit on day 24)",
        "  edited #7 (repay full on day 85): day: 60",
        "  added #16 (repay full on day 65)",
        "",
      ].join("\n"),
    );
    expect(r.stdout).not.toMatch(/\n +#5 /);
    // an edited event marked ~, an added one +, each at its own number
    expect(r.stdout).toMatch(/\n~ +#7 +60 +2024-03-01 +repay full\n/);
    expect(r.stdout).toMatch(/\n\+ +#16 +65 +2024-03-06 +repay full\n/);
    expect(r.stdout).not.toContain("overdue trigger");
    expect(r.stdout).toMatch(/#9 +130 +2024-05-10 +purchase ¥200\.00 at Hema +approved WITHIN_LIMIT/);
    const j = JSON.parse((await cli(["whatif", LATE, ...edits, "--list", "--json"])).stdout) as {
      edits: string[];
      events: Array<{ number: number; day: number; decision: string | null }>;
    };
    expect(j.edits).toEqual([
      "removed #5 (apply for +¥2,000.00 limit on day 24)",
      "edited #7 (repay full on day 85): day: 60",
      "added #16 (repay full on day 65)",
    ]);
    expect(j.events.map((e) => e.number)).toEqual([1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]);
    expect(j.events.find((e) => e.number === 9)).toMatchObject({ day: 130, decision: "approved" });
    // without edits, the file's own listing: no `edits`
    expect(JSON.parse((await cli(["whatif", LATE, "--list", "--json"])).stdout)).not.toHaveProperty("edits");
  });

  it("--list --json carries what the text listing shows: each event's decision and reasons, the engine's own decisions", async () => {
    const file = "scenarios/zhang-ming.yaml";
    const text = (await cli(["whatif", file, "--list"])).stdout.split("\n");
    const r = await cli(["whatif", file, "--list", "--json"]);
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout) as {
      events: Array<{ number: number; type: string; decision: string | null; reasons: string[] }>;
      engine: Array<{ day: number; date: string; event: string; decision: string; reasons: string[] }>;
    };
    expect(j.events.map((e) => e.number)).toEqual(j.events.map((_, i) => i + 1));
    // the same decision and reasons as the event's row in the text, or none on either side
    for (const e of j.events) {
      const row = text.find((l) => new RegExp(`^ +#${e.number} `).test(l))!;
      const shown = row.trim().split(/ {2,}/).slice(4).join("  ");
      expect(shown, row).toBe(e.decision === null ? "" : [e.decision, e.reasons.join(", ")].join(" ").trim());
    }
    expect(j.events.filter((e) => e.decision !== null)).toHaveLength(20);
    // the engine's rows (`·`), one by one
    const engineRows = text.filter((l) => /^ +· /.test(l));
    expect(engineRows.length).toBeGreaterThan(0);
    expect(j.engine.map((s) => `${s.day} ${s.date} ${s.decision} ${s.reasons.join(", ")}`)).toEqual(
      engineRows.map((l) => l.replace(/^ +· +(\d+) +(\S+) .*? {2,}(\w+) (.*)$/, "$1 $2 $3 $4")),
    );
    expect(j.engine[0]).toMatchObject({ day: 227, event: "review", line: "huabei", decision: "suspended" });
  });

  it("removes events by condition and shows the decisions that differ side by side", async () => {
    const r = await cli([
      "whatif",
      LATE,
      "--remove",
      "type=apply,product=increase,day>=24",
      "--edit",
      "7:day=60",
    ]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain("Decisions that differ");
    expect(r.stdout).toMatch(/24\s+#5 apply for \+¥2,000\.00 limit\s+declined\s+\(event removed\)/);
    expect(r.stdout).toMatch(/suspensions\s+1\s+0/);
    expect(r.stdout).toContain("─ base   ┄ what-if");
    expect(r.stdout).not.toContain("\u001b[");
  });

  it("--json prints the comparison only, machine-readable", async () => {
    const r = await cli([
      "whatif",
      LATE,
      "--remove",
      "5",
      "--remove",
      "6",
      "--set",
      "minScore=610",
      "--json",
    ]);
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.edits).toHaveLength(3);
    expect(j.edits[2]).toContain("minScore=610");
    const removed = j.differences
      .filter((d: { removed: boolean }) => d.removed)
      .map((d: { event: number }) => d.event);
    expect(removed).toEqual([5, 6]);
    expect(j.change.suspensions).toBe(0);
    expect(j.base.declines - j.variant.declines).toBe(2);
  });

  it("applies flags in the order given (edit, then remove the edited event)", async () => {
    const ok = await cli(["whatif", LATE, "--edit", "5:day=30", "--remove", "day=30", "--json"]);
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout).edits[1]).toContain("removed #5");
    const bad = await cli(["whatif", LATE, "--remove", "5", "--edit", "5:day=30"]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("event #5 was already removed");
  });

  it("every bad flag is told at once, as every bad option is; a flag naming a refused added event is not", async () => {
    // the fixture has 15 events: the refused --add would have been #16, which the --edit after it names
    const r = await cli([
      "whatif",
      LATE,
      "--set",
      "minScor=600",
      "--policy",
      "tightend",
      "--add",
      "{day: 3, type: purchase, amount: -5}",
      "--edit",
      "16:day=4",
      "--remove",
      "5-3",
      "--edit",
      "7:day=x",
      "--set",
      "minScore=600",
    ]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    const told = r.stderr.split("\n").filter((l) => l.startsWith("credit-sim: "));
    expect(told).toEqual([
      expect.stringMatching(/^credit-sim: --set "minScor=600": minScor: unknown field/),
      expect.stringMatching(/^credit-sim: --policy: unknown policy "tightend"/),
      expect.stringMatching(
        /^credit-sim: --add "\{day: 3, type: purchase, amount: -5\}": amount: value out of range/,
      ),
      "credit-sim: --remove: the range 5-3 runs backwards",
      expect.stringMatching(/^credit-sim: --edit "7:day=x" #7: day: wrong type/),
      "credit-sim: 5 problems",
    ]);
    expect(r.stderr).not.toMatch(/#16|internal error|\n\s+at /);
  });

  it("bad flag values: one clear message, exit 2", async () => {
    const cases: Array<[string[], RegExp]> = [
      [["--add", "{day: 3, type: purchse, amount: 10}"], /did you mean "purchase"/],
      [["--set", "minScor=600"], /did you mean "minScore"/],
      [["--edit", "7"], /--edit needs NUMBER:CHANGES/],
      [["--remove", "99"], /no event #99/],
      [["--seed", "x"], /--seed/],
      [["--remove", "1-9999999999"], /numbered 1–/],
      // a number past 2^53 named as typed, not rounded; a list is no mapping (not "a key must be a word")
      [["--edit", "99999999999999999999:day=3"], /--edit: no event #99999999999999999999: the events are/],
      [["--add", "[1, 2]"], /--add needs a mapping, got "\[1, 2\]"/],
      [["--add", "5"], /--add needs a mapping, got "5"/],
      // --edit's NUMBER: in front: the event it meant is written out, not an unknown field named after it all
      [
        ["--add", "59:purchase amount=100"],
        /hint: +give the day as a field: --add '\{day: 59, type: purchase, amount: 100\}'/,
      ],
      [["--policy", "tightend"], /did you mean "tightened"/],
      [
        ["--avoid", "closed"],
        /--avoid: "closed" is not an outcome to avoid\n\s+expected: suspended or declined/,
      ],
      // no key naming object internals, no key twice (as in a file)
      [["--set", "__proto__={minOpenScore: 950}"], /"__proto__" is not a name a key may have/],
      [["--set", "minScore=600,constructor=1"], /"constructor" is not a name a key may have/],
      [["--set", "minScore=5,minScore=6"], /minScore is given twice/],
      // a debt cap past 100 years of income caps nothing (and took the fen-exact advice past 2^53)
      [["--set", "maxDebtToIncome=101"], /maxDebtToIncome: value out of range\n\s+expected: at most 100/],
      [["--set", "jiebeiMaxDebtToIncome=1e6"], /jiebeiMaxDebtToIncome: value out of range/],
      // a debt cap of 0: only a customer owing nothing meets it — the line used is suspended, never restored
      [["--set", "maxDebtToIncome=0"], /maxDebtToIncome: value out of range\n\s+expected: more than 0/],
      [
        ["--set", "jiebeiMaxDebtToIncome=0"],
        /jiebeiMaxDebtToIncome: value out of range\n\s+expected: more than 0/,
      ],
      [["--edit", "7:__proto__=1"], /"__proto__" is not a name a key may have/],
      // a parameter that makes no policy with the rest: said of --set, not of a day-0 event's `set`
      [
        ["--set", "dueDayOfMonth=1"],
        /: --set dueDayOfMonth: a bill would fall due on or after the next statement/,
      ],
      [
        ["--set", "{limitBands: [{minScore: 600, maxLimit: 5000}, {minScore: 700, maxLimit: 100}]}"],
        /: --set limitBands\[1\]: a limit band that never applies[\s\S]*from 700: ¥100; limitBands\[0\] from 600: ¥5,000/,
      ],
      // what the whole variant refuses of an added or edited event is the flag's, as its own fields are
      [
        ["--add", "{day: 10, type: policy, use: strict}"],
        /^credit-sim: --add "\{day: 10, type: policy, use: strict\}": use: unknown policy "strict"/,
      ],
      [["--edit", "5:day=null"], /^credit-sim: --edit "5:day=null" #5: the event has no day/],
      [["--avoid", "suspended", "--max-edits", "0"], /--max-edits: 0 is too small/],
      [["--avoid", "suspended", "--budget", "-1"], /--budget: -1 is too small/],
    ];
    for (const [args, message] of cases) {
      const r = await cli(["whatif", LATE, ...args]);
      expect(r.status, args.join(" ")).toBe(2);
      expect(r.stderr, args.join(" ")).toMatch(message);
      expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
    }
  });

  it("--save writes a new file that `run` accepts unchanged, and never overwrites without --force", async () => {
    const dir = tmp();
    const out = join(dir, "variant.yaml");
    const r = await cli(["whatif", LATE, "--remove", "3-6", "--save", out]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`saved as ${out}`);
    // the command to run it on a line of its own, to copy whole
    expect(r.stdout).toContain(`run it with:\n  credit-sim run ${out}\n`);
    const run = await cli(["run", out, "--no-chart"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("Late payer (what-if)");
    // no step of the removed applications (the description names them, as edits)
    expect(run.stdout).not.toMatch(/^ +\d+ +\S+ +apply for \+¥2,000\.00 limit/m);
    expect(run.stdout).toMatch(/^ +0 +\S+ +apply to open, ¥5,000\.00/m);
    const before = readFileSync(out, "utf8");
    const again = await cli(["whatif", LATE, "--remove", "3", "--save", out]);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain("the file exists; credit-sim never replaces a file");
    expect(readFileSync(out, "utf8")).toBe(before);
    expect((await cli(["whatif", LATE, "--remove", "3", "--save", out, "--force"])).status).toBe(0);
    expect(readFileSync(out, "utf8")).not.toBe(before);
  });

  it("--avoid suspended prints advice in plain words, what it tried, and the comparison", async () => {
    const r = await cli(["whatif", LATE, "--avoid", "suspended", "--no-chart"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(
      /Had you made the repayment of day 85 by day \d+, the account would not have been suspended/,
    );
    expect(r.stdout).toMatch(/tried \d+ variants/);
    expect(r.stdout).toContain("Decisions that differ");
  });

  it("--avoid … --json and --save keep the best suggestion", async () => {
    const dir = tmp();
    const out = join(dir, "best.yaml");
    const r = await cli(["whatif", PHONE, "--reach", "restored", "--json", "--save", out]);
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.status).toBe("solved");
    expect(j.solutions[0].edits[0]).toMatchObject({ kind: "add", event: { type: "verify_identity" } });
    expect(j.saved).toBe(out);
    expect(existsSync(out)).toBe(true);
    expect((await cli(["run", out, "--json"])).stdout).toContain('"decision":"restored"');
  });

  it("says so when nothing within the bound works", async () => {
    const r = await cli(["whatif", PHONE, "--avoid", "suspended", "--max-edits", "1"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("Nothing within the bound works");
    expect(r.stdout).toMatch(/tried \d+ variants — \d+ single changes/);
  });

  it("a relative policy path keeps working from the saved file's folder", async () => {
    const dir = tmp();
    writeFileSync(join(dir, "p.yaml"), "name: mine\nextends: default\nminScore: 610\n");
    writeFileSync(
      join(dir, "s.yaml"),
      "name: S\npolicy: ./p.yaml\nevents:\n  - { day: 0, type: apply, product: open, amount: 3000 }\n",
    );
    const sub = join(dir, "out.yaml");
    const r = await cli([
      "whatif",
      join(dir, "s.yaml"),
      "--add",
      "{day: 5, type: purchase, amount: 100}",
      "--save",
      sub,
    ]);
    expect(r.status).toBe(0);
    expect((await cli(["run", sub, "--no-chart"])).stdout).toContain("policy mine");
  });

  it("--reach restored targets the credit suspension never lifted, not the security hold lifted on day 6", async () => {
    const file = join(tmp(), "combo.yaml");
    writeFileSync(
      file,
      [
        "name: combo",
        "policy: default",
        "until: 200",
        "profile: { age: 30, monthlyIncome: 8000, creditHistoryMonths: 24 }",
        "events:",
        "  - { day: 0, type: apply, product: open, amount: 3000 }",
        "  - { day: 2, type: change_profile, field: phone }",
        "  - { day: 3, type: change_profile, field: address }",
        "  - { day: 4, type: change_profile, field: device }",
        "  - { day: 6, type: verify_identity }",
        "  - { day: 8, type: purchase, amount: 1000 }",
        "",
      ].join("\n"),
    );
    const r = await cli(["whatif", file, "--reach", "restored", "--no-chart"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("as it happened: suspended on day 70 and never restored");
    expect(r.stdout).toMatch(/would have been restored on day \d+ \(it never was\)/);
  });
});

describe("--avoid with edit flags searches the variant they make", () => {
  it("says it searched the edits, not 'as it happened'; the JSON names them; the page compares with them", async () => {
    const GOOD = "scenarios/good-customer.yaml";
    // removing the repayments of days 35 and 65 brings a suspension the original never had
    const edited = ["whatif", GOOD, "--remove", "4,6", "--avoid", "suspended", "--no-chart", "--no-color"];
    const r = await cli(edited);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("with your edit: suspended once, first on day 70");
    expect(r.stdout).toMatch(/1\. Had you made the repayment of day 96 by day 70/);
    expect(r.stdout).not.toContain("as it happened");
    // an edit that leaves nothing to search says so of the edit, never of the original
    const none = await cli(["whatif", GOOD, "--remove", "18", "--avoid", "suspended", "--no-color"]);
    expect(none.stdout).toContain("Nothing to search: with your edit, the account is never suspended.");
    // once: the line under the heading said it too, just above ("with your edit: the account is never suspended")
    expect(none.stdout.match(/never suspended/g)).toHaveLength(1);
    const json = JSON.parse((await cli([...edited, "--json"])).stdout);
    expect(json.edits).toEqual(["removed #4 (repay full on day 35), #6 (repay full on day 65)"]);
    expect(json.status).toBe("solved");
    expect(
      JSON.parse((await cli(["whatif", LATE, "--avoid", "suspended", "--json"])).stdout),
    ).not.toHaveProperty("edits");
    // the page: the run the flags make beside the suggestion, and the suggestion's own change alone
    const html = join(tmp(), "cf.html");
    expect((await cli([...edited, "--html", html])).status).toBe(0);
    const page = readFileSync(html, "utf8");
    expect(page).toContain("with your edits");
    expect(page).not.toContain("as it happened");
    expect(page).not.toContain("removed #4");
  });
});

describe("--policy names a file from where the command runs", () => {
  it("what is wrong with it is the option's, said of the path as typed, as run --policy says it", async () => {
    // read through the variant, it was the scenario's `policy:`: "a path here starts at this scenario
    // file's folder", which a path typed on the command line does not
    const d = tmp();
    writeFileSync(join(d, "p.yaml"), "name: p\nextends: default\nminScore: 600\n");
    const scenario = join(process.cwd(), LATE);
    for (const [policy, said] of [
      [LATE, `${LATE}: a scenario file, not a policy file`],
      ["/dev/null", "/dev/null: is a device, not a policy file"],
      ["nosuch.yaml", "nosuch.yaml: policy file not found"],
    ] as const) {
      const r = await cli(["whatif", scenario, "--policy", policy, "--no-chart"], {
        cwd: policy === LATE ? process.cwd() : d,
      });
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`^credit-sim: ${said.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\n`));
      expect(r.stderr).not.toContain("(what-if)");
      expect(r.stderr).not.toContain("this scenario file's folder");
    }
    // a good one, relative to the working folder, not to the scenario's
    const ok = await cli(["whatif", scenario, "--policy", "p.yaml", "--no-chart"], { cwd: d });
    expect(ok.stderr).toBe("");
    expect(ok.status).toBe(0);
  });

  it("a variant saved beside the policy file names it relative to itself, as typed: it runs where the folder is moved", async () => {
    // resolved from the working folder, it was written `policy: /tmp/…/pol/p.yaml` (and the description
    // said so): a file committed to a repository that names the author's checkout, and runs nowhere else
    const d = tmp();
    mkdirSync(join(d, "pol"));
    writeFileSync(join(d, "pol", "p.yaml"), "name: mine\nextends: default\nminScore: 600\n");
    writeFileSync(
      join(d, "s.yaml"),
      "name: S\nevents:\n  - { day: 0, type: apply, product: open, amount: 3000 }\n",
    );
    const r = await cli(["whatif", "s.yaml", "--policy", "pol/p.yaml", "--save", "pol/v.yaml"], { cwd: d });
    expect(r.status).toBe(0);
    const saved = readFileSync(join(d, "pol", "v.yaml"), "utf8");
    expect(saved).toMatch(/^policy: \.\/p\.yaml$/m);
    expect(saved).toContain("What-if of S: policy pol/p.yaml");
    expect(saved).not.toContain(d);
    const moved = `${d}-moved`;
    renameSync(d, moved);
    const run = await cli(["run", join(moved, "pol", "v.yaml"), "--no-chart"]);
    expect(run.stderr).toBe("");
    expect(run.stdout).toContain("policy mine");
  });
});
