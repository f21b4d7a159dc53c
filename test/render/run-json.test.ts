// `run --json`: step records, then an `end` record that says what the printed summary says; `--explain`
// adds the scorecard and the reasons' values to each deciding step.

import { Chalk } from "chalk";
import { describe, expect, it } from "vitest";
import { simulate } from "../../src/engine/index.js";
import { runNdjson } from "../../src/render/run-json.js";
import { renderTrace } from "../../src/render/trace.js";
import { loadScenario } from "../../src/scenario/load.js";
import { ROOT } from "../helpers/cli.js";

const { scenario } = loadScenario(`${ROOT}scenarios/zhang-ming.yaml`);
const trace = simulate(scenario);
const records = (explain: boolean) =>
  runNdjson(scenario, trace, { explain })
    .trimEnd()
    .split("\n")
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe("run --json", () => {
  it("ends with an `end` record that matches the printed summary", () => {
    const all = records(false);
    expect(all.slice(0, -1).every((r) => r.record === "step")).toBe(true);
    expect(all).toHaveLength(trace.steps.length + 1);
    const end = all.at(-1)!;
    expect(end).toMatchObject({
      record: "end",
      scenario: "Zhang Ming",
      day: 400,
      status: "active",
      score: 742,
    });
    const summary = renderTrace(scenario, trace, {
      chalk: new Chalk({ level: 0 }),
      explain: false,
      chart: false,
    }).split("Summary\n")[1]!;
    const decisions = Object.entries(end.decisions as Record<string, number>)
      .map(([d, n]) => `${n} ${d}`)
      .join(", ");
    expect(summary).toContain(`decisions: ${decisions}`);
    const e = end as {
      limit: number;
      balance: number;
      charges: number;
      band: string;
      events: Array<{ kind: string; day: number; afterDays: number | null }>;
    };
    const yuan = (n: number) => `¥${n.toLocaleString("en-US", { minimumFractionDigits: 2 })}`;
    expect(summary).toContain(
      `end (day 400): active, score 742 (${e.band}), limit ${yuan(e.limit)}, balance ${yuan(e.balance)}, charges paid or owed ${yuan(e.charges)}`,
    );
    for (const ev of e.events.filter((x) => x.kind === "suspended"))
      expect(summary).toContain(`suspended on day ${ev.day}`);
    for (const ev of e.events.filter((x) => x.kind === "restored"))
      expect(summary).toContain(`restored on day ${ev.day} (2024-11-15) after ${ev.afterDays} days`);
  });

  it("--explain adds the scorecard and the values behind each reason to deciding steps", () => {
    const suspended = records(true).find((r) => r.decision === "suspended")!;
    const card = suspended.scorecard as {
      score: number;
      factors: Array<{ characteristic: string; points: number; max: number }>;
    };
    expect(card.score).toBe(607);
    expect(card.factors).toHaveLength(15);
    const why = suspended.why as Array<{ code: string; because: string[] }>;
    expect(why[0]).toMatchObject({
      code: "SCORE_BELOW_MINIMUM",
      because: ["the score 607 is below minScore 620"],
    });
    expect(records(false).find((r) => r.decision === "suspended")!.scorecard).toBeUndefined();
  });
});
