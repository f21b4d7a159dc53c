// Expectations read one line: a check on the wrong line says where that day's decisions are.

import { describe, expect, it } from "vitest";
import { checkExpectation, simulate } from "../../src/engine/index.js";
import { loadScenario } from "../../src/scenario/load.js";
import { ROOT } from "../helpers/cli.js";

const { scenario } = loadScenario(`${ROOT}scenarios/two-lines.yaml`);
const trace = simulate({ ...scenario, observe: [227] });

describe("checkExpectation", () => {
  it("reads decisions on the line named, and points at the other line's when it finds none", () => {
    const onHuabei = checkExpectation(trace, {
      index: 0,
      day: 227,
      end: false,
      line: "huabei",
      decision: "restored",
    });
    expect(onHuabei.ok).toBe(false);
    expect(onHuabei.checks[0]!.actual).toBe(
      "no Huabei decision that day (Jiebei restored: say `line: jiebei` to read that line)",
    );
    const onJiebei = checkExpectation(trace, {
      index: 0,
      day: 227,
      end: false,
      line: "jiebei",
      decision: "restored",
    });
    expect(onJiebei.ok).toBe(true);
  });

  it("a decision expected on the wrong day names the day nearest it that the line made it", () => {
    const zhang = loadScenario(`${ROOT}scenarios/zhang-ming.yaml`).scenario;
    const t = simulate({ ...zhang, observe: [227, 300] });
    const actual = (day: number, decision: "restored" | "suspended" | "charged_off") =>
      checkExpectation(t, { index: 0, day, end: false, line: "huabei", decision }).checks[0]!.actual;
    expect(actual(300, "restored")).toBe("no Huabei decision that day; restored on day 319");
    expect(actual(227, "restored")).toBe("suspended; restored on day 319");
    expect(actual(300, "suspended")).toBe("no Huabei decision that day; suspended on day 227");
    // never made: nothing to point at
    expect(actual(300, "charged_off")).toBe("no Huabei decision that day");
  });
});
