// Hostile input, round 19: numbers in a flag's value quoted as typed.

import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/shared/errors.js";
import { numbersAsTyped } from "../../src/whatif/flags.js";
import { cli, ROOT } from "../helpers/cli.js";
import { tempCases } from "../helpers/temp-cases.js";

const ZHANG = "scenarios/zhang-ming.yaml";
const ZHANG_TEXT = readFileSync(join(ROOT, ZHANG), "utf8");

describe("a number in a what-if flag quoted as it was typed", () => {
  // a file's problem quotes the text at its place (round 18); a flag's value has no places, and
  // `--add "{amount: 1E12}"` was told `found: 1000000000000`
  it.each([
    [["--add", "{day: 3, type: purchase, amount: 1E12}"], "found:    1E12\n"],
    [["--add", "day=3,type=purchase,amount=4.0e20"], "found:    4.0e20\n"],
    [["--edit", "1:amount=4.0E20"], "found:    4.0E20\n"],
    [["--set", "minScore=1E4"], "found:    1E4\n"],
    [["--set", "{minScore: 10.0e2}"], "found:    10.0e2\n"],
  ])("%j", async (flags, found) => {
    const r = await cli(["whatif", ZHANG, ...flags]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(found);
  });
});

describe('a JSON file\'s "<<" key', () => {
  // JSON has no merge keys: "<<" there is a field of that name, and was told it is a YAML merge key
  const { fresh } = tempCases("round19-merge-key");
  it.each([
    ['{"name": "m", "<<": {"x": 1}}', 'm.json:1:15: <<: unknown field "<<"'],
    [
      '{"name": "m", "events": [{"<<": 1, "day": 2, "type": "purchase", "amount": 5}]}',
      'events[0].<<: unknown field "<<"',
    ],
    [
      '{"name": "m", "events": [{"<<": {"type": "purchase"}, "day": 1, "amount": 5}]}',
      'events[0].<<: unknown field "<<"',
    ],
  ])("%s", async (json, said) => {
    const d = fresh();
    writeFileSync(join(d, "m.json"), json);
    const r = await cli(["run", "m.json"], { cwd: d });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(said);
    expect(r.stderr).not.toMatch(/YAML|merge/);
  });

  it("in YAML is still the merge key it is", async () => {
    const d = fresh();
    writeFileSync(join(d, "m.yaml"), "name: m\n<<: {x: 1}\n");
    const r = await cli(["run", "m.yaml"], { cwd: d });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("a YAML merge key (`<<: *name`) is not read");
  });
});

describe("a '..' after a link to a folder elsewhere", () => {
  // `link/../x.yaml`, link → ../else/sub: the system (cat, an editor) takes `..` from where the link leads,
  // else/x.yaml; `resolve` took it by name, and read w/x.yaml — or said "not found" of a file cat shows
  const { fresh } = tempCases("round19-link-back");
  const tree = () => {
    const d = fresh();
    mkdirSync(join(d, "w"));
    mkdirSync(join(d, "else", "sub"), { recursive: true });
    writeFileSync(join(d, "else", "x.yaml"), ZHANG_TEXT.replace(/^name: .*$/m, "name: Outside"));
    writeFileSync(join(d, "w", "x.yaml"), ZHANG_TEXT.replace(/^name: .*$/m, "name: Inside"));
    symlinkSync("../else/sub", join(d, "w", "link"));
    return d;
  };

  it("is read where the system reads it", async () => {
    const d = tree();
    const r = await cli(["run", "link/../x.yaml", "--no-chart"], { cwd: join(d, "w") });
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain("Outside");
    expect(r.stdout).not.toContain("Inside");
  });

  // typed in the working folder, where the system's path leaves it through the link: refused as any link
  // leading out is (a checkout's `reports -> ../../victim`, a CI job's `junit=reports/../junit.xml`)
  it("as an output, is refused where the link takes it out of the working folder", async () => {
    const d = tree();
    const r = await cli(["run", "x.yaml", "--no-chart", "--html", "link/../o.html"], { cwd: join(d, "w") });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("a symbolic link on its way leads out of the working folder");
    expect(existsSync(join(d, "else", "o.html"))).toBe(false);
    expect(existsSync(join(d, "w", "o.html"))).toBe(false);
  });

  it("as an output, makes no folder where the link leads", async () => {
    const d = tree();
    const html = "link/../newd/o.html";
    const r = await cli(["run", "x.yaml", "--no-chart", "--html", html], { cwd: join(d, "w") });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("a symbolic link on its way leads out of the working folder");
    expect(existsSync(join(d, "else", "newd"))).toBe(false);
    expect(existsSync(join(d, "w", "newd"))).toBe(false);
  });

  it("as init's folder, is refused where the link takes it out of the working folder", async () => {
    const d = tree();
    const r = await cli(["init", "link/../newd"], { cwd: join(d, "w") });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("a symbolic link on its way leads out of the working folder");
    expect(existsSync(join(d, "else", "newd"))).toBe(false);
  });

  it("typed outside the working folder, is the user's own path and written", async () => {
    const d = tree();
    const r = await cli(["run", "x.yaml", "--no-chart", "--html", "../else/o.html"], { cwd: join(d, "w") });
    expect(r.status).toBe(0);
    expect(existsSync(join(d, "else", "o.html"))).toBe(true);
  });

  it("in a file, is checked where it leads: outside the file's folder", async () => {
    const d = tree();
    writeFileSync(join(d, "else", "p.yaml"), "name: p\nextends: default\n");
    writeFileSync(join(d, "w", "p.yaml"), "name: p\nextends: default\n");
    writeFileSync(join(d, "w", "s.yaml"), "name: s\npolicy: link/../p.yaml\nevents: []\n");
    const r = await cli(["run", "s.yaml", "--no-chart"], { cwd: join(d, "w") });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("the policy file is outside this file's folder");
  });
});

describe("--shard auto/N in a job that has GitLab's CI_NODE_TOTAL=1 too", () => {
  // GitLab sets CI_NODE_TOTAL=1 in every job, and CI_NODE_INDEX only with `parallel:`: a Kubernetes index
  // beside it was never read — 'CI_NODE_INDEX is not set', of a variable the user never meant
  it("reads JOB_COMPLETION_INDEX", async () => {
    const env = { CI_NODE_TOTAL: "1", JOB_COMPLETION_INDEX: "2" };
    const args = ["simulate", "--shard", "auto/4", "--accounts", "8", "--days", "5", "--json"];
    const r = await cli(args, { env });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).meta.range).toEqual([4, 6]);
  });

  it("without N, still says what GitLab's parallel job sets", async () => {
    const r = await cli(["simulate", "--shard", "auto", "--accounts", "8", "--days", "5", "--json"], {
      env: { CI_NODE_TOTAL: "1" },
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("CI_NODE_INDEX is not set");
  });
});

describe("a long word in a flag's value refused", () => {
  // the search for how the value writes a number tried a key at every letter of a word: quadratic, a
  // 100,000-letter --add took a minute to be refused
  it("is searched in one pass for a decimal comma", async () => {
    const r = await cli(["whatif", ZHANG, "--add", `{text: ${"a".repeat(100_000)}}`]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("event without a type");
  });

  it("is searched in one pass for how it writes its numbers", () => {
    const word = "a".repeat(200_000);
    const refused = new InputError("value out of range", { field: "amount", found: "10000" });
    expect(numbersAsTyped(refused, `{text: ${word}!, ${word}b: 1E4}`).details.found).toBe("10000");
    expect(numbersAsTyped(refused, `{text: ${word}!, amount: 1E4}`).details.found).toBe("1E4");
  });
});

describe("a long word on a line with an unknown key", () => {
  // the check for `amount: 5,000` (read as amount 5 and a key "000") looked back from the key for
  // `name: digits,` trying a name at every letter before it: a 100,000-letter note took 10 s to be refused,
  // a line of the 5 MB a file may hold would take hours
  const { fresh } = tempCases("round19-long-line");
  it("is refused in one pass", async () => {
    const d = fresh();
    const text = "a".repeat(200_000);
    writeFileSync(join(d, "q.yaml"), `name: q\nevents:\n  - { day: 1, type: note, text: ${text}, zzz: 1 }\n`);
    const r = await cli(["run", "q.yaml"], { cwd: d });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unknown field "zzz"');
  });
});
