// A file or folder that does not exist (a near name from the folder the user typed, and from no other), or
// that cannot be read: said in words.

import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { workingFolderError } from "../../src/cli/main.js";
import { cli, ROOT, spawnCli } from "../helpers/cli.js";

describe("a missing file or folder", () => {
  it.each([
    [
      ["run", "scenarios/zhangming.yaml"],
      /scenario file not found[\s\S]*hint: +did you mean "zhang-ming\.yaml"\?/,
    ],
    [["explain", "scenarios/zhang_ming.yaml", "--day", "3"], /hint: +did you mean "zhang-ming\.yaml"\?/],
    [["test", "scenario/"], /no such file or folder[\s\S]*hint: +did you mean "scenarios"\?/],
    [
      ["simulate", "personas/revolvr.yaml"],
      /persona file not found[\s\S]*hint: +did you mean "revolver\.yaml"\?/,
    ],
  ])("%j: did you mean", async (args, message) => {
    const r = await cli(args);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it("a link to nothing is said to be one, with where it leads — `ls` lists it, so 'not found' sent the user looking for a typo", async () => {
    const d = mkdtempSync(join(tmpdir(), "credit-sim-dangling-"));
    try {
      symlinkSync("moved/away.yaml", join(d, "s.yaml"));
      for (const [args, kind] of [
        [["run", "s.yaml"], "scenario"],
        [["run", join(ROOT, "scenarios/zhang-ming.yaml"), "--policy", "s.yaml"], "policy"],
        [["simulate", "s.yaml"], "persona"],
        [["merge", "s.yaml"], "result"],
        [["test", "s.yaml"], ""],
      ] as const) {
        const r = await cli([...args], { cwd: d });
        expect(r.status, args.join(" ")).toBe(2);
        expect(r.stderr, args.join(" ")).toMatch(
          new RegExp(
            `s\\.yaml: ${kind ? `the ${kind} file is ` : ""}a symbolic link to "moved/away\\.yaml", which does not exist`,
          ),
        );
      }
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  });

  it("a link to a link to nothing names where the chain ends, not the link on the way (that one exists)", async () => {
    const d = mkdtempSync(join(tmpdir(), "credit-sim-dangling-"));
    try {
      symlinkSync("moved/away.yaml", join(d, "mid.yaml"));
      symlinkSync("mid.yaml", join(d, "s.yaml"));
      for (const args of [
        ["run", "s.yaml"],
        ["test", "s.yaml"],
      ]) {
        const r = await cli(args, { cwd: d });
        expect(r.status, args.join(" ")).toBe(2);
        expect(r.stderr, args.join(" ")).toMatch(
          /a symbolic link to "moved\/away\.yaml", which does not exist/,
        );
      }
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  });

  it.each([
    [["run", "--", "scenarios/zhang-ming.yaml", "--json"], /--json: scenario file not found/],
    [["test", "--", "scenarios/zhang-ming.yaml", "-u"], /-u: no such file or folder/],
    [["simulate", "--", "personas/revolver.yaml", "--accounts=5"], /persona file not found/],
  ])("%j: a file not found after `--` that looks like an option is said so", async (args, message) => {
    const r = await cli(args);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(
      /hint: +\S+ looks like an option, but every word after `--` is a file argument: put options before `--`/,
    );
  });

  it("a missing file's near name is a file of its kind (YAML or JSON), never a folder or another file", async () => {
    const d = mkdtempSync(join(tmpdir(), "credit-sim-near-"));
    try {
      mkdirSync(join(d, "d"));
      mkdirSync(join(d, "policy.yml"));
      writeFileSync(join(d, "e.txt"), "");
      writeFileSync(join(d, "s.yaml"), "name: s\nevents: []\n");
      writeFileSync(join(d, "tight.yaml"), "extends: default\n");
      // in-process: whether a path is outside the current folder is told from the folder the CLI is given,
      // not the process's (it was, and these ran in a process of their own each)
      const hint = async (args: string[]) => {
        const r = await cli(args, { cwd: d });
        expect(r.status).toBe(2);
        return /hint: +(.*)/.exec(r.stderr)?.[1];
      };
      // a persona or policy named by a path (a bare word is a built-in's name)
      for (const args of [
        ["simulate", "./e"],
        ["run", "e"],
        ["run", "s.yaml", "--policy", "./e"],
      ])
        expect(await hint(args), args.join(" ")).toBe(
          "check the path (it is relative to the current folder)",
        );
      expect(await hint(["run", "s.yaml", "--policy", "./policy.yaml"])).not.toContain("did you mean");
      expect(await hint(["run", "s.yaml", "--policy", "./tigt.yaml"])).toBe('did you mean "tight.yaml"?');
      expect(await hint(["simulate", "./s.yml"])).toBe('did you mean "s.yaml"?');
      // `test` takes a folder too: a folder is its near name, a text file still is not
      expect(await hint(["test", "dd"])).toBe('did you mean "d"?');
      expect(await hint(["test", "e.tx"])).toBe("check the path (it is relative to the current folder)");
      // and a process of its own, whose folder is the one it is given, says the same
      const spawned = spawnCli(["run", "s.yaml", "--policy", "./tigt.yaml"], { cwd: d });
      expect(spawned.status).toBe(2);
      expect(/hint: +(.*)/.exec(spawned.stderr)?.[1]).toBe('did you mean "tight.yaml"?');
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  });

  it("only the folder typed is searched (and one folder down), and nothing near is no guess", async () => {
    const elsewhere = await cli(["run", "docs/zhang-ming.yaml"]);
    expect(elsewhere.stderr).toMatch(/scenario file not found/);
    expect(elsewhere.stderr).not.toContain("did you mean");
    const far = await cli(["run", "scenarios/qqqqqqqq.yaml"]);
    expect(far.stderr).toMatch(/hint: +check the path/);
  });

  // a newcomer in the project's folder types the README's file without its folder: "check the path" left
  // them to find it
  it.each([
    [["run", "zhang-ming.yaml"], "scenarios/zhang-ming.yaml"],
    [["run", "./zhang-ming"], "scenarios/zhang-ming.yaml"],
    [["explain", "zhang-ming.yml", "--day", "3"], "scenarios/zhang-ming.yaml"],
    [["test", "zhang-ming.yaml"], "scenarios/zhang-ming.yaml"],
    [["run", "scenarios/zhang-ming.yaml", "--policy", "./tightened.yaml"], "policies/tightened.yaml"],
    [["simulate", "./revolver.yaml"], "personas/revolver.yaml"],
  ])("%j: the same name one folder down, as the path to type", async (args, path) => {
    const r = await cli(args);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/not found|no such file/);
    expect(/hint: +(.*)/.exec(r.stderr)?.[1]).toBe(`did you mean "${path}"?`);
  });

  it("one folder down: from the folder typed, every one found (up to three), a file only of its kind", async () => {
    const d = mkdtempSync(join(tmpdir(), "credit-sim-below-"));
    try {
      for (const sub of ["a", "b", "c", "d", ".hidden", "node_modules", "w/deeper"])
        mkdirSync(join(d, "in", sub), { recursive: true });
      for (const sub of ["a", "b", "c", "d", ".hidden", "node_modules", "w/deeper"])
        writeFileSync(join(d, "in", sub, "s.yaml"), "name: s\nevents: []\n");
      writeFileSync(join(d, "in", "w", "s.txt"), "");
      writeFileSync(join(d, "in", "node_modules", "t.yaml"), "name: t\nevents: []\n");
      // in-process: a path is told from the folder the CLI is given, not the process's
      const hint = async (args: string[]) => /hint: +(.*)/.exec((await cli(args, { cwd: d })).stderr)?.[1];
      expect(await hint(["run", "in/s.json"])).toBe(
        'did you mean "in/a/s.yaml" or "in/b/s.yaml" or "in/c/s.yaml"?',
      );
      // a scenario is no policy; a text file is no scenario; two folders down, hidden folders and
      // node_modules are not looked into
      expect(await hint(["run", "in/a/s.yaml", "--policy", "in/s.yaml"])).toBe(
        "check the path (it is relative to the current folder)",
      );
      for (const path of ["in/s.txt", "s.yaml", "in/t.yaml"])
        expect(await hint(["run", path]), path).toBe("check the path (it is relative to the current folder)");
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  });
});

// "it is relative to the current folder" was said of an absolute path too, and of one typed relative but
// shown absolute as it leads out of the current folder
it("a path not found outside the current folder is not said to be relative to it, whatever reads it", async () => {
  const d = mkdtempSync(join(tmpdir(), "credit-sim-absolute-"));
  try {
    const gone = join(d, "gone", "qqqqqqqq.yaml");
    const scenario = join(ROOT, "scenarios/zhang-ming.yaml");
    for (const args of [
      ["run", gone],
      ["run", scenario, "--policy", gone],
      ["simulate", gone],
      ["merge", gone],
      ["test", gone],
      ["simulate", "../qqqqqqqq/revolver.yaml"],
      ["run", scenario, "--policy", "../qqqqqqqq/tight.yaml"],
      ["test", "../qqqqqqqq/x.yaml"],
    ]) {
      const r = await cli(args);
      expect(r.status, args.join(" ")).toBe(2);
      expect(/hint: +(.*)/.exec(r.stderr)?.[1], args.join(" ")).toBe(
        "check the path (it is outside the current folder)",
      );
    }
  } finally {
    rmSync(d, { recursive: true, force: true });
  }
});

describe("`credit-sim test` with no path, where there is no ./scenarios/", () => {
  // after `init my-scenarios`, or in a project of one's own: "give the folder or files to test" named none
  it("names where scenario files are: this folder, else the folders beside it that hold some", async () => {
    const d = mkdtempSync(join(tmpdir(), "credit-sim-default-"));
    const hint = async () => {
      const r = await cli(["test"], { cwd: d });
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/scenarios\/: no such file or folder/);
      return /hint: +(.*)/.exec(r.stderr)?.[1];
    };
    const start = "`credit-sim test` with no path looks in ./scenarios/; give the folder or files to test";
    try {
      for (const sub of ["empty", "notes", "node_modules", ".hidden", "my scenarios", "b", "schema"])
        mkdirSync(join(d, sub));
      writeFileSync(join(d, "notes", "n.md"), "");
      writeFileSync(join(d, "schema", "scenario.schema.json"), "{}");
      for (const sub of ["node_modules", ".hidden"]) writeFileSync(join(d, sub, "s.yaml"), "name: s\n");
      expect(await hint()).toBe(start);
      for (const sub of ["my scenarios", "b"]) writeFileSync(join(d, sub, "s.yaml"), "name: s\n");
      expect(await hint()).toBe(`${start}: \`credit-sim test b\` or \`credit-sim test 'my scenarios'\``);
      writeFileSync(join(d, "here.json"), "{}");
      expect(await hint()).toBe(`${start}: \`credit-sim test .\` tests this folder`);
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  });
});

describe("a file named as something else than YAML or JSON", () => {
  // `run README.md` said only "check the YAML/JSON syntax", `run logo.png` "save it as UTF-8"
  it.each([
    [["run", "README.md"], ".md", "check the YAML/JSON syntax"],
    [["run", "docs/images/run.png"], ".png", "save it as UTF-8"],
    [["test", "src/index.ts"], ".ts", "the keys of one mapping start in the same column"],
    [["run", "scenarios/zhang-ming.yaml", "--policy", "./README.md"], ".md", "check the YAML/JSON syntax"],
  ])("%j: is asked first to be the file meant, then told the fix", async (args, extension, fix) => {
    const r = await cli(args);
    expect(r.status).toBe(2);
    // `test` reports a bad file among its results (stdout), the others on stderr
    expect(r.stdout + r.stderr).toContain(
      `a ${extension} file is not a scenario, policy or persona file (those are .yaml, .yml or .json): check that it is the file meant; if it is, ${fix}`,
    );
  });

  it("a name without an extension (a pipe's, LICENSE) or a YAML one says nothing of it", async () => {
    const d = mkdtempSync(join(tmpdir(), "credit-sim-named-"));
    try {
      for (const name of ["LICENSE", ".env", "s.yaml", "s.yml"]) writeFileSync(join(d, name), "a: [\n");
      for (const name of ["LICENSE", ".env", "s.yaml", "s.yml"]) {
        const r = await cli(["run", name], { cwd: d });
        expect(r.stderr, name).toMatch(/cannot parse/);
        expect(r.stderr, name).not.toContain("the file meant");
      }
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  });
});

describe("a path past the system's longest", () => {
  const long = "a".repeat(300);
  const zhang = join(ROOT, "scenarios/zhang-ming.yaml");
  // `test` said "no such file or folder" (and of a glob, that nothing matched), sending the user to look
  // for a typo; a file written said the reason and no fix
  it.each([
    [["run", `${long}.yaml`]],
    [["explain", `${long}.yaml`, "--day", "3"]],
    [["whatif", `${long}.yaml`, "--list"]],
    [["run", zhang, "--policy", `${long}.yaml`]],
    [["simulate", `${long}.yaml`]],
    [["merge", `${long}.json`]],
    [["test", long]],
    [["test", `${long}.yaml`]],
    [["test", `${long}/*.yaml`]],
    [["test", `${long}/deeper/`]],
    [["init", long]],
    [["run", zhang, "--html", `${long}.html`]],
    [["test", zhang, "--no-snapshots", "--reporter", "junit", "--output", `${long}.xml`]],
  ])("%j: said in words, with what to do", async (args) => {
    const dir = mkdtempSync(join(tmpdir(), "credit-sim-long-"));
    try {
      const r = await cli(args, { cwd: dir });
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/too long[\s\S]*\n\s+hint: +shorten the path/);
      expect(r.stderr).not.toMatch(/ENAMETOOLONG|no such file|not found|no scenario files/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("a path of 100 KB on the command line", () => {
  // the error echoed the whole path (100 KB on stderr, and as much again in explain's hint)
  const huge = `${"folder/".repeat(14_000)}x.yaml`;
  it.each([
    [["run", huge]],
    [["run", "nowhere.yaml", huge]],
    [["explain", huge]],
    [["explain", huge, "--day", "3"]],
    [["test", huge]],
    [["whatif", huge, "--list"]],
    [["merge", huge]],
    [["simulate", huge]],
    [["run", "scenarios/zhang-ming.yaml", "--html", `${huge}.html`]],
  ])("%#: is shown by its two ends, not echoed whole", async (args) => {
    const r = await cli(args);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.length).toBeLessThan(2000);
    expect(r.stderr).toMatch(/folder\/fold[a-z/]*…[a-z/]*der\/x\.yaml/);
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
  });
});

describe("a working folder that cannot be read", () => {
  it("is said in words: the system's code is no reason to a user", () => {
    const e = Object.assign(new Error("uv_cwd"), { code: "EACCES" });
    expect(workingFolderError(e).message).toBe("the current folder cannot be read (permission denied)");
  });
});

describe("a missing result file", () => {
  it("is guessed from the folder the command runs in, not the process's own", async () => {
    const dir = mkdtempSync(join(tmpdir(), "credit-sim-merge-"));
    writeFileSync(join(dir, "shard-1.json"), "{}");
    try {
      const r = await cli(["merge", "shard-1.jsn"], { cwd: dir });
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/result file not found[\s\S]*hint: +did you mean "shard-1\.json"\?/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
