// `credit-sim test --reporter html`: the run at a glance (passed / failed per scenario, a chart of
// expectations), then every failure: the checks with what was expected and what happened, that day's
// steps, and golden-trace diffs side by side. Renders the same TestRun data the other reporters do.

import { decisionText, lineName, money } from "../../scenario/format.js";
import { shellPath } from "../../shared/text.js";
import { checkActualText, checkValueText } from "../../testing/check-text.js";
import {
  type ExpectationReport,
  runWarnings,
  type ScenarioReport,
  type StepSummary,
  type TestRun,
} from "../../testing/report.js";
import {
  compactStep,
  reasonsCaption,
  reasonsOnRecord,
  stepReasonText,
  stepsShownBefore,
} from "../../testing/steps.js";
import { type ChartSpec, PALETTE, rgba, type Tone } from "./chart-spec.js";
import { decisionTone, statusText } from "./common.js";
import { sideBySide } from "./diff.js";
import { esc, escAmounts } from "./escape.js";
import { chartBox, chip, type HtmlAssets, htmlPage, section, stats } from "./page.js";

function scenarioTone(r: ScenarioReport): Tone {
  switch (r.status) {
    case "passed":
      return "good";
    case "failed":
    case "error":
      return "bad";
    case "no-expectations":
      return "warn";
  }
}

const STATUS_TEXT: Record<ScenarioReport["status"], string> = {
  passed: "passed",
  failed: "failed",
  "no-expectations": "no expectations",
  error: "bad input",
};

// a step without a decision or reasons: said, as the terminal's "-" says it, not a blank cell
const NONE = '<span class="empty">–</span>';

function stepRows(steps: readonly StepSummary[]): string {
  return `<div class="scroll tall"><table><thead><tr><th class="num">day</th><th>date</th><th>event</th><th>decision</th><th>reasons</th><th class="num">score</th><th class="num">limit</th><th class="num">balance</th><th>status</th></tr></thead><tbody>${steps
    .map(
      (s) =>
        `<tr><td class="num">${s.day}</td><td class="mono">${esc(s.date)}</td><td>${escAmounts(s.text)}</td><td>${s.decision ? chip(decisionText(s.decision), decisionTone(s.decision)) : NONE}</td><td>${s.reasons.length ? s.reasons.map((c) => `<span class="code" title="${esc(stepReasonText(c, s))}">${esc(c)}</span>`).join(" ") : NONE}</td><td class="num">${s.score}</td><td class="num">${esc(money(s.limit))}</td><td class="num">${esc(money(s.balance))}</td><td>${esc(statusText(s.status, s.cause))}</td></tr>`,
    )
    .join("")}</tbody></table></div>`;
}

function expectationBlock(
  r: ScenarioReport,
  e: ExpectationReport,
  shownBefore: ExpectationReport | null,
): string {
  const checks = e.checks
    .map(
      (c) =>
        `<tr><td>${c.ok ? '<span class="pass">✓</span>' : '<span class="fail">✗</span>'}</td><td class="mono">${esc(c.field)}</td><td class="mono">${esc(checkValueText(c.field, c.expected))}</td><td class="mono${c.ok ? "" : " fail"}">${esc(checkActualText(c))}</td></tr>`,
    )
    .join("");
  const head = `<div class="expectation"><h4 class="fail">✗ ${esc(e.title)}</h4>
<p class="path">${esc(r.file)}, expect[${e.index}], day ${e.day} (${esc(e.date)})${e.end ? ", the last day" : ""}</p>
<div class="xscroll"><table class="checks"><thead><tr><th></th><th>check</th><th>expected</th><th>got</th></tr></thead><tbody>${checks}</tbody></table></div>`;
  // the day's steps and their reasons, shown with an earlier failure of that day: not again
  if (shownBefore !== null)
    return `${head}
<p class="note" style="margin-top:10px">${esc(`What happened on day ${e.day}, and the reasons on record: shown above, at expect[${shownBefore.index}].`)}</p></div>`;
  const shown = e.steps.length ? e.steps : e.nearest ? [e.nearest] : [];
  const caption = e.steps.length
    ? `What happened on day ${e.day}:`
    : e.nearest
      ? `No ${lineName(e.on)} step on day ${e.day}; the nearest step before it (day ${e.nearest.day}):`
      : `No step on or before day ${e.day}.`;
  const codes = reasonsOnRecord(shown);
  const said = reasonsCaption(e, codes.length > 0);
  const reasonsHead = `<p class="note" style="margin-top:10px">${esc(said.charAt(0).toUpperCase() + said.slice(1))}</p>`;
  const reasons = codes.length
    ? `${reasonsHead}<ul class="reasons">${codes.map((r) => `<li>${r.also ? "also " : ""}<span class="code">${esc(r.code)}</span> ${esc(r.text + r.numbers)}</li>`).join("")}</ul>`
    : reasonsHead;
  return `${head}
<p class="note" style="margin-top:10px">${esc(caption)}</p>${shown.length ? stepRows(shown) : ""}${reasons}</div>`;
}

/**
 * Stored and new side by side: two panes, scrolled together, each step in its compact form (the step, then
 * its labelled numbers, then its reasons), so that the columns that changed are in view; a row takes as
 * many lines on both sides (rows line up), and a line that differs from its counterpart is marked.
 */
function diffBlock(diff: string): string {
  const left: string[] = [];
  const right: string[] = [];
  const lines = (text: string) => compactStep(text) ?? [text];
  const row = (cls: string, parts: readonly string[], other: readonly string[] | null = null) =>
    `<div class="${cls}">${
      parts
        .map((p, i) => {
          const text = esc(p) || "&nbsp;";
          return other !== null && p !== "" && other[i] !== p ? `<span class="chg">${text}</span>` : text;
        })
        .join("\n") || "&nbsp;"
    }</div>`;
  for (const r of sideBySide(diff)) {
    switch (r.kind) {
      case "head":
        // the column header: the compact lines label their numbers
        if (!r.left.startsWith("@@")) break;
        left.push(row("h", [r.left]));
        right.push(row("h", [r.right || r.left]));
        break;
      case "gap":
        left.push(row("gap", [r.left]));
        right.push(row("gap", [""]));
        break;
      case "context": {
        const c = lines(r.left);
        left.push(row("ctx", c));
        right.push(row("ctx", c));
        break;
      }
      case "change": {
        const l = r.del ? lines(r.left) : [];
        const a = r.add ? lines(r.right) : [];
        const n = Math.max(l.length, a.length);
        const pad = (x: string[]) => [...x, ...Array.from({ length: n - x.length }, () => "")];
        const [lp, ap] = [pad(l), pad(a)];
        left.push(row(r.del ? "del" : "none", lp, r.add ? ap : null));
        right.push(row(r.add ? "add" : "none", ap, r.del ? lp : null));
        break;
      }
    }
  }
  return `<div class="diff"><div class="pane"><div class="title">golden trace (committed)</div>${left.join("")}</div><div class="pane"><div class="title">this run</div>${right.join("")}</div></div>${DIFF_LEGEND}`;
}

// what the colours, the underline and the @@ line mean: a newcomer met them with no key
const DIFF_LEGEND = `<div class="legend-row diff-legend"><span><span class="key del">red</span> a step as the committed trace has it</span><span><span class="key add">green</span> the same step in this run</span><span><span class="key chg">underlined</span> the line that differs</span><span><span class="key ctx">grey</span> unchanged steps around it</span><span><span class="key h">@@ golden line N, now line M @@</span> where the steps are in each</span></div>`;

function scenarioBlock(r: ScenarioReport): string {
  const tone = scenarioTone(r);
  const failed = r.expectations.filter((e) => !e.ok);
  const passed = r.expectations.length - failed.length;
  const snap = r.snapshot;
  const parts = [
    `<div class="scenario tone-${tone}" id="s-${esc(r.file)}"><h3>${chip(STATUS_TEXT[r.status], tone)} ${esc(r.status === "error" ? r.file : r.name)}</h3>`,
    `<div class="path">${esc(r.file)}${r.policy ? ` · policy ${esc(r.policy)}` : ""} · ${passed} of ${r.expectations.length} expectations held${snap ? ` · golden trace ${esc(snap.status)}` : ""}</div>`,
  ];
  if (r.status === "error" && r.error) parts.push(`<div class="err">${esc(r.error)}</div>`);
  const shownBefore = stepsShownBefore(r.expectations);
  for (const e of failed) parts.push(expectationBlock(r, e, shownBefore(e)));
  if (snap?.status === "mismatch" && snap.diff) {
    parts.push(
      `<h4 class="fail">✗ golden trace changed</h4><p class="path">${esc(snap.file)} — if the change is intended: credit-sim test ${esc(shellPath(r.file))} -u, then review and commit the trace</p>`,
      diffBlock(snap.diff),
    );
  } else if (snap?.status === "missing") {
    parts.push(
      `<h4 class="fail">✗ golden trace missing</h4><p class="path">${esc(snap.file)} does not exist, and CI=true does not write golden traces</p>`,
    );
  }
  parts.push("</div>");
  return parts.join("\n");
}

function testChart(run: TestRun): ChartSpec {
  const reports = run.reports;
  return {
    id: "expectations",
    config: {
      type: "bar",
      data: {
        labels: reports.map((r) => (r.status === "error" ? r.file : r.name)),
        datasets: [
          {
            label: "held",
            data: reports.map((r) => r.expectations.filter((e) => e.ok).length),
            backgroundColor: PALETTE.good,
            pointStyle: "rect",
            unit: "count",
          },
          {
            label: "failed",
            data: reports.map((r) => r.expectations.filter((e) => !e.ok).length),
            backgroundColor: PALETTE.bad,
            pointStyle: "rect",
            unit: "count",
          },
          {
            label: "golden trace failed",
            data: reports.map((r) =>
              r.snapshot?.status === "mismatch" || r.snapshot?.status === "missing" ? 1 : 0,
            ),
            // outlined: solid, its orange was the held bars' green in greyscale (and without colour vision)
            backgroundColor: rgba(PALETTE.warn, 0.15),
            borderColor: PALETTE.warn,
            borderWidth: 2,
            pointStyle: "rect",
            unit: "count",
          },
        ],
      },
      options: {
        indexAxis: "y",
        plugins: { legend: { position: "bottom" } },
        scales: {
          x: {
            stacked: true,
            beginAtZero: true,
            ticks: { precision: 0 },
            // a failed golden trace is a check of its own, stacked on the expectations; a matched one is
            // not drawn, so that a bar is the count of expectations the terminal prints beside the scenario
            title: { display: true, text: "expectations, and a golden trace that failed" },
          },
          y: { stacked: true },
        },
      },
    },
  };
}

export function testHtml(run: TestRun, assets: HtmlAssets, options: { title?: string } = {}): string {
  const s = run.summary;
  const ok = run.exitCode === 0;
  const headline = stats([
    {
      label: "result",
      value: ok ? "passed" : run.exitCode === 1 ? "failed" : "bad input",
      tone: ok ? "good" : "bad",
    },
    {
      label: "scenarios passed",
      value: `${s.scenarios.passed} / ${s.scenarios.total}`,
      tone: s.scenarios.failed + s.scenarios.errors ? "bad" : "good",
      sub: [
        s.scenarios.failed ? `${s.scenarios.failed} failed` : "",
        s.scenarios.errors ? `${s.scenarios.errors} bad input` : "",
        s.scenarios.noExpectations ? `${s.scenarios.noExpectations} without expectations` : "",
      ]
        .filter(Boolean)
        .join(", "),
    },
    {
      label: "expectations held",
      value: `${s.expectations.passed} / ${s.expectations.total}`,
      tone: s.expectations.failed ? "bad" : "good",
    },
    {
      label: "golden traces",
      value: `${s.snapshots.matched} matched`,
      tone: s.snapshots.failed ? "bad" : "neutral",
      sub: [
        s.snapshots.failed ? `${s.snapshots.failed} failed` : "",
        s.snapshots.written ? `${s.snapshots.written} written` : "",
        s.snapshots.updated ? `${s.snapshots.updated} updated` : "",
        s.snapshots.obsolete ? `${s.snapshots.obsolete} obsolete` : "",
      ]
        .filter(Boolean)
        .join(", "),
    },
  ]);
  const failing = run.reports.filter((r) => r.status === "failed" || r.status === "error");
  const others = run.reports.filter((r) => !failing.includes(r));
  // at a phone's width the list scrolls sideways, not the page
  const list = `<div class="xscroll"><table><thead><tr><th>scenario</th><th>file</th><th>status</th><th class="num">expectations</th><th>golden trace</th></tr></thead><tbody>${run.reports
    .map(
      (r) =>
        `<tr><td>${failing.includes(r) ? `<a href="#s-${esc(r.file)}">${esc(r.name)}</a>` : esc(r.name)}</td><td class="path">${esc(r.file)}</td><td>${chip(STATUS_TEXT[r.status], scenarioTone(r))}</td><td class="num">${r.expectations.filter((e) => e.ok).length} / ${r.expectations.length}</td><td>${esc(r.snapshot?.status ?? "—")}</td></tr>`,
    )
    .join("")}</tbody></table></div>`;
  const warnings = runWarnings(run.reports);
  const height = Math.max(140, 36 + run.reports.length * 28);
  const body = [
    headline,
    section(
      "Expectations per scenario",
      chartBox("expectations", Math.min(height, 900), "expectations per scenario"),
    ),
    failing.length
      ? section(`Failed scenarios (${failing.length})`, failing.map(scenarioBlock).join("\n"), {
          note: "Each failed check with what was expected and what happened, the steps of that day and the reasons on record.",
        })
      : section("Failures", `<p class="pass">Nothing failed.</p>`),
    section(`All scenarios (${run.reports.length})`, list, {
      ...(others.length && run.filtered + run.notRun
        ? { note: `${run.filtered} left out by --grep, ${run.notRun} not run after --bail.` }
        : {}),
    }),
    // what the terminal said on stderr (a golden trace left unwritten, a deprecation): the page's reader
    // never saw it, and the golden trace column says only '—'
    warnings.length
      ? section(
          `Warnings (${warnings.length})`,
          `<ul>${warnings.map((w) => `<li>${esc(w)}</li>`).join("")}</ul>`,
          {
            note: "What credit-sim test warned of on the terminal, each with what to do.",
          },
        )
      : "",
    run.obsolete.length
      ? section(
          "Obsolete golden traces",
          `<ul>${run.obsolete.map((f) => `<li class="path">${esc(f)}</li>`).join("")}</ul>`,
          { note: run.obsoleteRemoved ? "Removed (-u)." : "Their scenario file is gone; -u removes them." },
        )
      : "",
  ].join("\n");
  return htmlPage(
    {
      title:
        options.title ??
        (ok ? "All scenarios passed" : `${failing.length} scenario${failing.length === 1 ? "" : "s"} failed`),
      kind: "Test report",
      lede: `${counted(s.scenarios.total, "scenario file")}, ${counted(s.expectations.total, "expectation")}${s.snapshots.matched + s.snapshots.failed ? `, ${counted(s.snapshots.matched + s.snapshots.failed, "golden trace")}` : ""}.`,
      facts: [["exit code", String(run.exitCode)]],
      body,
      charts: [testChart(run)],
    },
    assets,
  );
}

const counted = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;
