// A path as typed: what names a folder and what walks back, on this system and on Windows, where `\` is a
// separator as well as `/` (`--html out\` there must be refused as `--html out/` is here).

import { describe, expect, it } from "vitest";
import { namesAFolder, walksBack, withoutFolderEnding } from "../../src/shared/paths.js";

describe("a path as typed", () => {
  it("names a folder when it ends in a separator, or in one and a dot", () => {
    for (const typed of ["out/", "z.yaml/.", "a/b/", "./"])
      expect(namesAFolder(typed, "/"), typed).toBe(true);
    for (const typed of ["out", "z.yaml", "a/.b", "/", "out\\"])
      expect(namesAFolder(typed, "/"), typed).toBe(false);
  });

  it("on Windows, a backslash is a separator too", () => {
    for (const typed of ["out\\", "z.yaml\\.", "a\\b/", "out/"])
      expect(namesAFolder(typed, "\\"), typed).toBe(true);
    for (const typed of ["out", "\\", "/"]) expect(namesAFolder(typed, "\\"), typed).toBe(false);
    expect(withoutFolderEnding("z.yaml\\.", "\\")).toBe("z.yaml");
    expect(withoutFolderEnding("z.yaml\\.", "/")).toBe("z.yaml\\.");
    expect(withoutFolderEnding("z.yaml/", "/")).toBe("z.yaml");
  });

  it("walks back on a '..' segment, by the system's separators", () => {
    expect(walksBack("z.yaml/../x.yaml", "/")).toBe(true);
    expect(walksBack("..", "/")).toBe(true);
    expect(walksBack("a/..b/c", "/")).toBe(false);
    expect(walksBack("z.yaml\\..\\x.yaml", "/")).toBe(false);
    expect(walksBack("z.yaml\\..\\x.yaml", "\\")).toBe(true);
  });
});
