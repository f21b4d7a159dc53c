// Files a scenario may name: a built-in, or a file in the scenario's own folder tree (or under
// CREDIT_SIM_ROOT); a path typed on the command line may lead anywhere. Nothing outside is read, and no
// message quotes a file that did not parse as the kind of document expected.

import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadScenario } from "../../src/scenario/load.js";
import { asPolicyFile, loadPolicy } from "../../src/scenario/load-policy.js";
import { InputError } from "../../src/shared/errors.js";
import { inputErrorOf } from "../helpers/input-error.js";

const root = mkdtempSync(join(tmpdir(), "credit-sim-refs-"));
const inside = join(root, "repo");
const outside = join(root, "elsewhere");
mkdirSync(join(inside, "policies"), { recursive: true });
mkdirSync(outside, { recursive: true });
afterAll(() => rmSync(root, { recursive: true, force: true }));

const SECRET = "hunter2-secret-value";
const policy = (name: string, extra = "") => `name: ${name}\nextends: default\nminScore: 600\n${extra}`;
writeFileSync(join(outside, "p.yaml"), policy("outside"));
writeFileSync(join(outside, "secret.env"), `API_TOKEN=${SECRET}\n`);
writeFileSync(join(inside, "policies", "p.yaml"), policy("inside"));
writeFileSync(join(inside, "secret.txt"), `token: ${SECRET}\npassword: ${SECRET}\n`);
writeFileSync(join(inside, "notes.txt"), `${SECRET} is the key\n`);
writeFileSync(join(inside, "half.txt"), `Name: x\nExtends: y\nUid: ${SECRET}\nPid: 1\n`);
// like /proc/self/status: one key near a policy field (`Name`), the rest nothing like one
writeFileSync(
  join(inside, "status.txt"),
  `Name: node\nUmask: 0022\nState: R\nTgid: 1\nPid: 1\nUid: ${SECRET}\n`,
);
writeFileSync(join(inside, "broken.yaml"), `key: [${SECRET}\n`);
symlinkSync(join(outside, "p.yaml"), join(inside, "link-out.yaml"));
symlinkSync(join(inside, "policies", "p.yaml"), join(inside, "link-in.yaml"));

function scenario(name: string, body: string): string {
  const file = join(inside, name);
  writeFileSync(file, `name: ${name}\n${body}`);
  return file;
}

const refused = (file: string): InputError => inputErrorOf(() => loadScenario(file), file);

describe("references inside a scenario", () => {
  it("may name a file in the scenario's folder tree", () => {
    const s = loadScenario(scenario("ok.yaml", "policy: ./policies/p.yaml\nevents: []\n"));
    expect(s.scenario.policy.name).toBe("inside");
    expect(
      loadScenario(scenario("in.yaml", "policy: ./link-in.yaml\nevents: []\n")).scenario.policy.name,
    ).toBe("inside");
  });

  it.each([
    ["a path up and out", "../elsewhere/p.yaml"],
    ["an absolute path", join(outside, "p.yaml")],
    ["/etc/passwd", "/etc/passwd"],
    ["/proc/self/environ", "/proc/self/environ"],
    ["a link that leads out", "./link-out.yaml"],
  ])("may not name %s", (_what, ref) => {
    const e = refused(scenario("out.yaml", `policy: ${ref}\nevents: []\n`));
    expect(e.message).toBe("the policy file is outside this file's folder");
    expect(e.details).toMatchObject({ line: 2, column: 9, field: "policy" });
    expect(e.details.hint).toMatch(/command line|CREDIT_SIM_ROOT/);
    expect(e.format()).not.toMatch(/root:|PATH=|hunter2/);
  });

  it("holds for a policy event's `use` and a policy file's `extends`", () => {
    const e = refused(
      scenario("use.yaml", "events:\n  - { day: 1, type: policy, use: ../elsewhere/p.yaml }\n"),
    );
    expect(e.details.field).toBe("events[0].use");
    writeFileSync(join(inside, "policies", "ext.yaml"), "name: ext\nextends: ../../elsewhere/p.yaml\n");
    const x = refused(scenario("ext.yaml", "policy: ./policies/ext.yaml\nevents: []\n"));
    expect(x.details).toMatchObject({
      file: join(inside, "policies", "ext.yaml"),
      field: "extends",
      line: 2,
    });
  });

  it("a name holding a NUL (YAML's \"\\0\") is said to be no file's name, at the line that writes it", () => {
    // the system refuses such a path before looking: it was 'the policy file cannot be read (the system
    // refused (ERR_INVALID_ARG_VALUE))', and a policy's `extends` was placed at the scenario's `policy:`
    for (const [body, field, line] of [
      ['policy: "./policies/p\\0.yaml"\nevents: []\n', "policy", 2],
      ['events:\n  - { day: 1, type: policy, use: "p.yaml\\0" }\n', "events[0].use", 3],
    ] as const) {
      const e = refused(scenario("nul.yaml", body));
      expect(e.message).toBe("a policy file's name cannot hold a NUL character");
      expect(e.details).toMatchObject({ field, line, found: expect.stringContaining("\\x00") });
      expect(e.format()).not.toMatch(/ERR_|system refused/);
    }
    writeFileSync(join(inside, "policies", "nul.yaml"), 'name: nul\nextends: "./base\\0.yaml"\n');
    const x = refused(scenario("nul-ext.yaml", "policy: ./policies/nul.yaml\nevents: []\n"));
    expect(x.message).toBe("a policy file's name cannot hold a NUL character");
    expect(x.details).toMatchObject({
      file: join(inside, "policies", "nul.yaml"),
      field: "extends",
      line: 2,
    });
  });

  it("a reference over 1,000 characters is one problem, the schema's, at the line that writes it", () => {
    // it was two: 'value out of range' and, for the same line, 'policy file not found' or 'the policy
    // file's path is too long for the system' (or 'unknown policy' for a bare name)
    for (const ref of ["a".repeat(1001), `${"d/".repeat(500)}p.yaml`, `${"a".repeat(1001)}.yaml`]) {
      for (const [body, field] of [
        [`policy: ${ref}\nevents: []\n`, "policy"],
        [`events:\n  - { day: 1, type: policy, use: ${ref} }\n`, "events[0].use"],
      ] as const) {
        const e = refused(scenario("long-ref.yaml", body));
        expect(e.problems.map((p) => p.message)).toEqual([expect.stringMatching(/out of range|invalid/)]);
        expect(e.problems[0]!.details.field).toBe(field);
        expect(e.format()).toContain("at most 1000 characters");
      }
    }
  });

  it("a missing policy's did-you-mean names a policy: never the scenario itself, a persona, or the file that names it", () => {
    // 'policy: ./plam.yaml' in plan.yaml said 'did you mean "plan.yaml"?', the scenario itself
    const dir = join(inside, "near");
    mkdirSync(dir, { recursive: true });
    const hintFor = (file: string) => inputErrorOf(() => loadScenario(file), file).problems[0]!.details.hint;
    const plan = join(dir, "plan.yaml");
    writeFileSync(plan, "name: plan\npolicy: ./plam.yaml\nevents: []\n");
    writeFileSync(join(dir, "plat.yaml"), readFileSync("personas/revolver.yaml", "utf8"));
    expect(hintFor(plan)).not.toMatch(/did you mean/);
    // a policy near the name is still suggested, a broken one too (its problems are said once it is named)
    writeFileSync(join(dir, "pla.yaml"), "name: pla\nextends: default\nminScore: 900\nmaxLimt: 1\n");
    expect(hintFor(plan)).toBe('did you mean "pla.yaml"?');
    // a policy that extends a missing file beside it: itself is no parent of its own
    const self = join(dir, "self");
    mkdirSync(self);
    writeFileSync(join(self, "base.yaml"), "name: base\nextends: ./bse.yaml\n");
    writeFileSync(join(self, "s.yaml"), "name: s\npolicy: ./base.yaml\nevents: []\n");
    expect(hintFor(join(self, "s.yaml"))).not.toMatch(/did you mean/);
    // a path typed on the command line alike
    const typed = inputErrorOf(() => loadPolicy(join(dir, "plam.yaml"), dir));
    expect(typed.details.hint).toBe('did you mean "pla.yaml"?');
  });

  it("a missing path written as a shell or a browser would read it says that nothing here expands it", () => {
    // '~/policies/p.yaml', '$HOME/p.yaml', 'file:///…' and 'policies\\p.yaml' were each 'policy file not
    // found' at the name joined to the scenario's folder, hinting only 'a path here starts at this
    // scenario file's folder' — which the writer meant all along
    const hintFor = (ref: string, field: "policy" | "use") => {
      const body =
        field === "policy"
          ? `policy: ${JSON.stringify(ref)}\nevents: []\n`
          : `events:\n  - { day: 1, type: policy, use: ${JSON.stringify(ref)} }\n`;
      const e = refused(scenario("unexpanded.yaml", body));
      expect(e.problems).toHaveLength(1);
      expect(e.message).toMatch(/^policy file not found: /);
      return e.details.hint;
    };
    for (const field of ["policy", "use"] as const) {
      expect(hintFor("~/policies/p.yaml", field)).toBe(
        "a leading ~ is not the home folder here (no shell reads this path): write the path from the folder it starts at",
      );
      for (const ref of ["$HOME/p.yaml", "$\u{7b}POLICIES}/p.yaml", "%APPDATA%/p.yaml"])
        expect(hintFor(ref, field)).toBe(
          "environment variables are not expanded here (no shell reads this path): write the path itself",
        );
      for (const ref of ["file:///etc/passwd", "https://example.com/p.yaml"])
        expect(hintFor(ref, field)).toBe(
          "a URL is never fetched nor opened: save the policy in a file and write its path",
        );
      expect(hintFor("policies\\p.yaml", field)).toBe(
        'a backslash is part of a name here, not a separator: write "policies/p.yaml"',
      );
    }
    // a policy's `extends`, and a path typed on the command line, alike
    writeFileSync(join(inside, "policies", "tilde.yaml"), "name: tilde\nextends: ~/base.yaml\n");
    const ext = refused(scenario("tilde-ext.yaml", "policy: ./policies/tilde.yaml\nevents: []\n"));
    expect(ext.details.hint).toMatch(/^a leading ~ is not the home folder here/);
    expect(inputErrorOf(() => loadPolicy("$HOME/p.yaml", inside)).details.hint).toMatch(
      /^environment variables are not expanded here/,
    );
    // a file that has such a name is read
    mkdirSync(join(inside, "~"), { recursive: true });
    writeFileSync(join(inside, "~", "p.yaml"), policy("tilde-folder"));
    expect(
      loadScenario(scenario("tilde-ok.yaml", "policy: ~/p.yaml\nevents: []\n")).scenario.policy.name,
    ).toBe("tilde-folder");
  });

  it("roots (CREDIT_SIM_ROOT, as the CLI reads it) allow another folder; the process's environment does not", () => {
    const file = scenario("root.yaml", "policy: ../elsewhere/p.yaml\nevents: []\n");
    expect(loadScenario(file, { roots: [outside] }).scenario.policy.name).toBe("outside");
    process.env.CREDIT_SIM_ROOT = outside;
    try {
      expect(refused(file).message).toContain("outside this file's folder");
    } finally {
      delete process.env.CREDIT_SIM_ROOT;
    }
  });

  it("a path typed on the command line may lead anywhere", () => {
    const s = loadScenario(scenario("cli.yaml", "events: []\n"), { policy: join(outside, "p.yaml") });
    expect(s.scenario.policy.name).toBe("outside");
    expect(loadPolicy(join(outside, "p.yaml"), process.cwd()).name).toBe("outside");
  });

  it.runIf(process.platform !== "win32")("may not name a pipe", () => {
    try {
      execFileSync("mkfifo", [join(inside, "fifo.yaml")]);
    } catch {
      return; // no mkfifo here
    }
    const e = refused(scenario("fifo-ref.yaml", "policy: ./fifo.yaml\nevents: []\n"));
    expect(e.message).toMatch(/not a regular file/);
  });
});

describe("a named file that is not a policy is never quoted", () => {
  it.each([
    ["a line of text", "./notes.txt", /must hold a mapping/],
    ["a mapping of other keys", "./secret.txt", /not a policy file/],
    ["a mapping with one key near a policy field", "./status.txt", /not a policy file/],
    ["a mapping with half its keys near policy fields", "./half.txt", /not a policy file/],
    ["broken YAML", "./broken.yaml", /cannot parse/],
  ])("%s", (_what, ref, message) => {
    const e = refused(scenario("q.yaml", `policy: ${ref}\nevents: []\n`));
    expect(e.message).toMatch(message);
    expect(e.format()).not.toContain("hunter2");
    expect(e.format()).not.toMatch(/token|password/i);
  });

  it("nor a file given on the command line", () => {
    try {
      loadPolicy(join(outside, "secret.env"), process.cwd());
      throw new Error("loaded");
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      expect(e.format()).not.toContain("hunter2");
      expect(e.format()).not.toContain("API_TOKEN");
    }
  });
});

describe("a whole policy file (no extends)", () => {
  it("written before a parameter was added still loads, with that parameter's neutral value", () => {
    const base = loadPolicy("default", inside);
    const {
      name: _n,
      description: _d,
      toleranceAmount: _t,
      jiebeiDrawCleanDays: _j,
      dormantCloseDays: _u,
      increaseUsedWithinDays: _i,
      ...params
    } = base;
    const file = join(inside, "whole-policy.yaml");
    writeFileSync(
      file,
      `name: whole\n${Object.entries(params)
        .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
        .join("\n")}\n`,
    );
    const loaded = loadPolicy(file, inside);
    expect(loaded.toleranceAmount).toBe(0);
    expect(loaded.jiebeiDrawCleanDays).toBe(0);
    // no closure of an unused line: a policy written before the rule never closed one
    expect(base.dormantCloseDays).toBe(365);
    expect(loaded.dormantCloseDays).toBe(0);
    // nor asked an increase's line to be in use
    expect(base.increaseUsedWithinDays).toBe(180);
    expect(loaded.increaseUsedWithinDays).toBe(0);
    expect(loaded.graceDays).toBe(base.graceDays);
  });
});

describe("a bare --policy name that is not a built-in but names something beside it", () => {
  // "unknown policy" sent the user looking for a name when they had typed a folder's or a pipe's
  it("is said to be a folder or not a regular file (exit 2), and a pipe is not read", async () => {
    const { cli } = await import("../helpers/cli.js");
    const here = join(root, "bare");
    mkdirSync(join(here, "adir"), { recursive: true });
    execFileSync("mkfifo", [join(here, "afifo")]);
    writeFileSync(join(here, "s.yaml"), "name: s\nevents:\n  - { day: 0, type: note, text: a }\n");
    for (const [args, said] of [
      [["run", "s.yaml", "--policy", "adir"], /--policy: "adir" is a folder, not a policy file/],
      [["run", "s.yaml", "--policy", "afifo"], /--policy: "afifo" is not a regular file/],
      [["whatif", "s.yaml", "--policy", "afifo"], /"afifo" is not a regular file/],
      [["simulate", "--accounts", "5", "--no-progress", "--policy", "adir"], /"adir" is a folder/],
      [["simulate", "--accounts", "5", "--no-progress", "--challenger", "afifo"], /"afifo" is not a regular/],
    ] as const) {
      const r = await cli([...args], { cwd: here });
      expect(r.status, args.join(" ")).toBe(2);
      expect(r.stderr, args.join(" ")).toMatch(said);
    }
  });
});

describe("a file among the scenarios: a policy or a scenario", () => {
  const file = (name: string, text: string) => {
    const path = join(inside, name);
    writeFileSync(path, text);
    return path;
  };

  it("a valid policy is one; a broken one is reported with a policy's problems", () => {
    expect(asPolicyFile(file("ok.yaml", policy("ok")), [])).toBe("policy");
    const broken = asPolicyFile(file("noname.yaml", "extends: default\nminScore: 9000\n"), []);
    expect(broken).toBeInstanceOf(InputError);
    expect((broken as InputError).format()).toMatch(/name: missing required field/);
  });

  it("a broken scenario that sets a policy parameter is still a scenario, misspelt events and all", () => {
    // a key only scenarios have
    expect(
      asPolicyFile(file("s1.yaml", "name: s\npolicy: default\nminScore: 600\nevnts: []\n"), []),
    ).toBeNull();
    // a key that is a scenario's, misspelt: reported as a scenario, with its did-you-mean
    expect(asPolicyFile(file("s2.yaml", "name: s\nminScore: 600\nevnts: []\n"), [])).toBeNull();
    // nothing of a policy at all
    expect(asPolicyFile(file("s3.yaml", "name: s\nevents: []\n"), [])).toBeNull();
  });
});
