// docs/reference/glossary.md defines the words the output prints: every decision, line status and cause
// the engine can write is there, and the pages a newcomer reads first link to it.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CAUSES, DECISIONS, STATUSES } from "../../src/engine/vocabulary.js";
import { ROOT } from "../helpers/cli.js";

const read = (page: string) => readFileSync(join(ROOT, page), "utf8");

describe("docs/reference/glossary.md", () => {
  it("names every decision, status and cause a trace prints", () => {
    const page = read("docs/reference/glossary.md");
    const missing = [...DECISIONS, ...STATUSES, ...CAUSES].filter((w) => !page.includes(`\`${w}\``));
    expect(missing).toEqual([]);
  });

  it("is linked from the README, the model and the populations page", () => {
    for (const page of ["README.md", "docs/model.md", "docs/populations.md"])
      expect(read(page), page).toMatch(/\]\((docs\/)?(reference\/)?glossary\.md\)/);
  });
});
