// `credit-sim simulate --html FILE`: a population for a policy owner — outcome rates per persona, score
// distributions, the median score over time, and for champion / challenger every difference with its
// 95 % interval and the accounts whose outcome flips. A sweep's frontier shows when one is given. Pure.

import type { LineId } from "../../engine/index.js";
import { isShare, METRIC_LABELS, significant } from "../../population/differences.js";
import { flipLabelParts, largestGroups, type PairFlips } from "../../population/flips.js";
import { type PopulationResult, type VariantRow, variantRows } from "../../population/result.js";
import {
  type ArmSummary,
  OVERALL,
  type ProductSummary,
  type RiskSummary,
  summarise,
} from "../../population/stats.js";
import { chartedLine, paramsText } from "../../population/sweep.js";
import type { VintageRow } from "../../population/vintage.js";
import { wholeYuanText } from "../../scenario/format.js";
import {
  ARM_AMOUNTS,
  ARM_RATES,
  accountsText,
  accountYearsText,
  armsNamed,
  balanceShare,
  balanceShareNumber,
  challengerTitle,
  dateAndDay,
  daysText,
  differenceText,
  FEW_CASES,
  FLIPS_NOTE,
  flippedText,
  GINI_KS_READING,
  int,
  moneyOnHuabei,
  num,
  PSI_READING,
  pct2,
  perAccountYear,
  scoreDrift,
  stressText,
  trailingMonthEnds,
  variantsText,
} from "../population-format.js";
import {
  baseVariant,
  decidedOtherwise,
  eventRows,
  FEW_BADS,
  FLIP_GROUPS,
  frontierLines,
  horizonSum,
  RISK_COLUMNS,
  riskNote,
  type VariantLine,
  variantColumns,
  variantRatesNote,
  vintageColumns,
  vintageNote,
} from "../population-risk.js";
import type { ChartSpec } from "./chart-spec.js";
import { esc } from "./escape.js";
import { chartBox, type HtmlAssets, htmlPage, scrollBox, section, stats } from "./page.js";
import {
  delinquencyChart,
  type Frontier,
  frontierChart,
  histogramChart,
  intervalChart,
  medianChart,
  sweepFrontier,
} from "./simulate-charts.js";

export interface SimulateHtmlOptions {
  /** the trade-off to draw; by default a sweep's approval rate against its bad rate */
  frontier?: Frontier | null;
  /** the command line that re-runs an account, shown beside the flips */
  exportHint?: string;
  /** words before it, when it is not a whole command (merge's: the shards' command, changed) */
  exportHintLead?: string;
}

/** How to replay a flipped account: the export command, each word kept whole where the line wraps. */
function replayNote(o: SimulateHtmlOptions): string {
  if (!o.exportHint) return "";
  const command = o.exportHint
    .split(" ")
    .map((w) => `<span class="nw">${esc(w)}</span>`)
    .join(" ");
  const lead = o.exportHintLead ? `${esc(o.exportHintLead)} ` : "";
  return `<p class="note" style="margin-top:8px">Replay one: ${lead}<code>${command}</code></p>`;
}

const COLUMNS: Array<[string, (s: ArmSummary) => string]> = [
  ["accounts", (s) => int(s.accounts)],
  ["approved", ARM_RATES.approved],
  ["limit", (s) => (s.openLimit ? wholeYuanText(s.openLimit.median) : "–")],
  ["suspended", ARM_RATES.suspended],
  ["credit", ARM_RATES.credit],
  ["security", ARM_RATES.security],
  ["policy", ARM_RATES.policy],
  ["restored", ARM_RATES.restored],
  ["≤ 180 d", ARM_RATES.restoredWithin180],
  ["days", (s) => (s.medianDaysToRestore === null ? "–" : String(s.medianDaysToRestore))],
  ["closed", ARM_RATES.closed],
  ["score", (s) => (s.score ? String(s.score.median) : "–")],
  ["charges", ARM_AMOUNTS.charges],
  ["overdue at end", ARM_AMOUNTS.overdueAtEnd],
];

/** A cell of a rate and its base ('39.1 % of 1,591') or an amount and its count ('¥1,628,322 (468)'): on
 *  paper, where the outcome table must fit a page's width, it may break between the two, never inside
 *  one. */
function outcomeCell(text: string): string {
  const parts = text.split(/ (?=of |\()/);
  return parts.length === 1
    ? `<td class="num">${esc(text)}</td>`
    : `<td class="num parts">${parts.map((p) => `<span class="nw">${esc(p)}</span>`).join(" ")}</td>`;
}

function outcomeTable(rows: Array<{ persona: string; arm: ArmSummary }>): string {
  return `<div class="scroll"><table class="wide"><thead><tr><th>persona</th>${COLUMNS.map(([t]) => `<th class="num">${esc(t)}</th>`).join("")}</tr></thead><tbody>${rows
    .map(
      (r) =>
        `<tr${r.persona === OVERALL ? ' style="font-weight:600"' : ""}><td>${esc(r.persona === OVERALL ? "all accounts" : r.persona)}</td>${COLUMNS.map(([, cell]) => outcomeCell(cell(r.arm))).join("")}</tr>`,
    )
    .join("")}</tbody></table></div>`;
}

const PORTFOLIO_COLUMNS: Array<[string, (s: ArmSummary) => string]> = [
  ["book", (s) => (s.portfolio.day === null ? "–" : wholeYuanText(s.portfolio.balance))],
  // from the balances, rounded once, as the terminal's
  ["30+", (s) => balanceShare(s.portfolio.dpd30Balance, s.portfolio.balance)],
  ["90+", (s) => balanceShare(s.portfolio.dpd90Balance, s.portfolio.balance)],
  [
    "30+ / 90+, 12 months",
    ({ portfolio: { trailing12: t } }) =>
      t.balance > 0
        ? `${balanceShareNumber(t.dpd30Balance, t.balance)} / ${balanceShare(t.dpd90Balance, t.balance)}`
        : "–",
  ],
  ["account-years", (s) => accountYearsText(s.portfolio.accountYears)],
  ["suspended / yr", (s) => perAccountYear(s.portfolio.suspensionsPerYear, s.portfolio.accountYears)],
  ["closed / yr", (s) => perAccountYear(s.portfolio.closuresPerYear, s.portfolio.accountYears)],
  ["charged off / yr", (s) => perAccountYear(s.portfolio.chargeOffsPerYear, s.portfolio.accountYears)],
  ["loss rate", (s) => pct2(s.portfolio.lossRate)],
];

function portfolioTable(rows: Array<{ persona: string; arm: ArmSummary }>): string {
  return `<div class="scroll"><table class="wide"><thead><tr><th>persona</th>${PORTFOLIO_COLUMNS.map(([t]) => `<th class="num">${esc(t)}</th>`).join("")}</tr></thead><tbody>${rows
    .map(
      (r) =>
        `<tr${r.persona === OVERALL ? ' style="font-weight:600"' : ""}><td>${esc(r.persona === OVERALL ? "all accounts" : r.persona)}</td>${PORTFOLIO_COLUMNS.map(([, cell]) => `<td class="num">${esc(cell(r.arm))}</td>`).join("")}</tr>`,
    )
    .join("")}</tbody></table></div>`;
}

/** Every booking quarter's vintage curve: the text report's vintage table, column for column. */
function vintageTableHtml(rows: readonly VintageRow[]): string {
  if (rows.length === 0) return '<p class="empty">No account was booked.</p>';
  const columns = vintageColumns(rows);
  return `<div class="scroll"><table class="wide"><thead><tr><th>booked in</th>${columns.map((c) => `<th class="num">${esc(c.title)}</th>`).join("")}</tr></thead><tbody>${rows
    .map(
      (v) =>
        `<tr><td>${esc(v.quarter)}</td>${columns.map((c) => `<td class="num">${esc(c.cell(v))}</td>`).join("")}</tr>`,
    )
    .join("")}</tbody></table></div>`;
}

/** Risk per persona, then the whole book split by line: the text report's risk table, column for column. */
function riskTableHtml(rows: Array<{ persona: string; arm: ArmSummary }>): string {
  const cells = (p: ProductSummary) =>
    RISK_COLUMNS.map((c) => `<td class="num">${esc(c.cell(p))}</td>`).join("");
  const overall = rows.find((r) => r.persona === OVERALL);
  const lines = [
    ...rows.map(
      (r) =>
        `<tr${r.persona === OVERALL ? ' style="font-weight:600"' : ""}><td>${esc(r.persona === OVERALL ? "all accounts" : r.persona)}</td>${cells(r.arm.risk.all)}</tr>`,
    ),
    ...(overall
      ? [
          `<tr class="sub"><td>&nbsp;&nbsp;Huabei</td>${cells(overall.arm.risk.huabei)}</tr>`,
          `<tr class="sub"><td>&nbsp;&nbsp;Jiebei</td>${cells(overall.arm.risk.jiebei)}</tr>`,
        ]
      : []),
  ];
  return `<div class="scroll"><table class="wide"><thead><tr><th>persona</th>${RISK_COLUMNS.map((c) => `<th class="num">${esc(c.title)}</th>`).join("")}</tr></thead><tbody>${lines.join("")}</tbody></table></div>`;
}

/** The sweep's variants as the text report's frontier table has them: the base policy first, dominated
 *  ones marked. */
function variantTable(
  base: ReturnType<typeof baseVariant>,
  rows: readonly VariantRow[],
  risks: readonly RiskSummary[],
  swept: readonly LineId[],
  m: PopulationResult["meta"],
): string {
  const columns = variantColumns(swept);
  const head = `<th class="num">#</th><th>parameters</th>${columns.map((c) => `<th class="num">${esc(c.title)}</th>`).join("")}<th>frontier</th>`;
  const row = (id: string, params: string, v: VariantLine, note: string, style: string) =>
    `<tr${style}><td class="num">${id}</td><td>${esc(params)}</td>${columns.map((c) => `<td class="num">${esc(c.cell(v))}</td>`).join("")}<td>${note}</td></tr>`;
  const body = [
    // faint as in the terminal: the row the variants are read against, not one of them
    row("·", base.params, base, "", ' class="sub"'),
    ...rows.map((v, i) =>
      row(
        String(i + 1),
        paramsText(v.params),
        { metrics: v.metrics, bads: risks[i]!.all, lines: risks[i]!, psi: v.psi, psiBooked: v.psiBooked },
        v.dominated ? "dominated" : "on it",
        v.dominated ? ' style="opacity:.55"' : "",
      ),
    ),
  ].join("");
  // in a scroll box as the other wide tables: at a phone's width it scrolls, not the page
  return `<div class="${scrollBox(rows.length + 1)}"><table class="wide"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div><p class="note" style="margin-top:8px">·: the policy swept, as it is; frontier: on it, or dominated: another variant approves as many or more (of both lines, and of each swept line), with a bad rate no higher and a profit no lower, and is better in one of them; ${esc(variantRatesNote(swept))}; loss, revenue, profit: in yuan, ${esc(horizonSum(m))}; Gini, KS (${esc(GINI_KS_READING)}): ~ on fewer than ${FEW_BADS} bads, too few to read; PSI (${esc(PSI_READING)}): the end score distribution against the base policy, of all accounts; PSI booked: of the booked accounts only (each variant's own)</p>`;
}

/** The customers' events by type under each arm, side by side (the text report's line under each risk
 *  table); with two arms, the change. */
function eventsTable(arms: ReadonlyArray<[string, ArmSummary]>): string {
  const rows = eventRows(arms.map(([, s]) => s));
  if (rows.length === 0) return '<p class="empty">No customer event.</p>';
  const change = arms.length === 2;
  const signed = (n: number) => (n > 0 ? `+${int(n)}` : n < 0 ? `−${int(-n)}` : "0");
  const head = `<th>event</th>${arms.map(([name]) => `<th class="num">${esc(name)}</th>`).join("")}${change ? '<th class="num">change</th>' : ""}`;
  const body = rows
    .map(
      ([type, ns]) =>
        `<tr><td>${esc(type)}</td>${ns.map((n) => `<td class="num">${int(n)}</td>`).join("")}${change ? `<td class="num">${signed(ns[1]! - ns[0]!)}</td>` : ""}</tr>`,
    )
    .join("");
  return `<div class="scroll"><table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>`;
}

/** The largest groups of decisions that first differ between the arms of each pair, as the text report
 *  lists them, in one table (its columns line up from pair to pair): a row heads each pair; then how
 *  many accounts, the event, the decision under each arm, the rule that decided otherwise, examples. */
function flipGroupsTable(
  pairs: ReadonlyArray<{ p: PairFlips; names: [string, string] }>,
  top: number,
): string {
  const body = pairs
    .map(({ p, names }) => {
      const groups = largestGroups(p);
      if (groups.length === 0)
        return `<tbody><tr><td colspan="5" class="empty">${esc(names[0])} → ${esc(names[1])}: no decision differs</td></tr></tbody>`;
      const rows = groups.slice(0, top).map(([label, g]) => {
        const parts = flipLabelParts(label);
        // a label of another shape is shown whole
        const what = parts
          ? `<td>${esc(parts.event)}</td><td class="nw">${esc(parts.decisions)}</td><td>${esc(parts.rule)}</td>`
          : `<td colspan="3">${esc(label)}</td>`;
        return `<tr><td class="num">${int(g.accounts)}</td>${what}<td class="nw">#${g.examples.slice(0, FLIP_GROUPS.examples).join(", #")}</td></tr>`;
      });
      const more = groups.length - top;
      if (more > 0)
        rows.push(
          `<tr class="sub"><td></td><td colspan="4">… ${more} more group${more === 1 ? "" : "s"} (--json)</td></tr>`,
        );
      return `<tbody><tr><th colspan="5" style="text-align:left">${esc(decidedOtherwise(p, names))}</th></tr>${rows.join("")}</tbody>`;
    })
    .join("");
  return `<div class="scroll"><table><thead><tr><th class="num">accounts</th><th>event</th><th>decision</th><th>by the rule (parameter)</th><th>e.g. accounts</th></tr></thead>${body}</table></div>`;
}

/** The flip groups' note; under a challenger's outcome flips, that the groups count more accounts than those
 *  (a lower first limit, a declined increase: decided otherwise, the same status at the end). */
const flipsNote = (underFlips: boolean) =>
  `Each account whose decisions differ is counted once, ${underFlips ? "its outcome flipped or not (so, often, more accounts than the flips above), " : ""}by the first of the lender's decisions that differs (customer service's answers decide nothing): its event, the decision under each policy and the rule that decided otherwise, with the policy parameter behind it. Where both decided alike for different reasons, each side's rule; also: a rule one failed beside the one both did. Everything after that first decision follows from it. Examples: the group's smallest account numbers.`;

// the chart under the portfolio tables had no heading: it read as part of the last table
const DELINQUENCY_TITLE = "Share of the book 30+ and 90+ days past due, at each month end";

export function simulateHtml(
  result: PopulationResult,
  assets: HtmlAssets,
  options: SimulateHtmlOptions = {},
): string {
  const r = armsNamed(result);
  const m = r.meta;
  const groups = summarise(r).groups;
  const all = groups.find((g) => g.persona === OVERALL) ?? groups[groups.length - 1]!;
  const ch = all.champion;
  const cc = all.challenger;
  const vs = (f: (s: ArmSummary) => string) => (cc ? { sub: `${m.challenger?.name}: ${f(cc)}` } : {});
  const headline = stats([
    { label: "accounts", value: int(m.accounts), tone: "neutral", sub: `${daysText(m.days)} each` },
    {
      label: `approved (${m.policy.name})`,
      value: ARM_RATES.approved(ch),
      tone: "good",
      ...vs(ARM_RATES.approved),
    },
    {
      label: `suspended (${m.policy.name})`,
      value: ARM_RATES.suspended(ch),
      tone: "bad",
      ...vs(ARM_RATES.suspended),
    },
    {
      label: "restored, of the suspended",
      value: ARM_RATES.restored(ch),
      tone: "info",
      ...vs(ARM_RATES.restored),
    },
    {
      label: "median final score",
      value: ch.score ? String(ch.score.median) : "–",
      tone: "neutral",
      ...(cc?.score ? { sub: `${m.challenger?.name}: ${cc.score.median}` } : {}),
    },
  ]);
  const charts: ChartSpec[] = [histogramChart(r), medianChart(r, { champion: ch, challenger: cc })];
  // a card's ~ is read before the table that explains it: say it under the cards too
  const fewNote = `~: a rate of fewer than ${FEW_CASES} accounts, too few to read.`;
  const body: string[] = [
    headline.includes("~")
      ? `${headline}<p class="note" style="margin:-8px 0 20px">${esc(fewNote)}</p>`
      : headline,
    section(
      `Outcomes under ${m.policy.name}`,
      outcomeTable(groups.map((g) => ({ persona: g.persona, arm: g.champion }))),
      {
        note: `Approved, suspended (credit, security, policy) and closed: shares of the accounts. Restored and ≤ 180 d: shares of the suspended ones (restored says of how many); days: median days to restore. ${fewNote} Limit and score: medians; charges: interest, instalment fees and penalties on Huabei, per account; overdue at end: past due on Huabei at the end, and on how many accounts.`,
      },
    ),
  ];
  if (r.challenger && m.challenger) {
    body.push(
      section(
        `Outcomes under ${challengerTitle(m)}`,
        outcomeTable(
          groups.filter((g) => g.challenger).map((g) => ({ persona: g.persona, arm: g.challenger! })),
        ),
        // a page read from the middle (a link, a search) meets this table's ~ without the one above
        { note: `Read as the table above. ${fewNote}` },
      ),
    );
  }
  const arms: Array<[string, (g: (typeof groups)[number]) => ArmSummary | null]> = [
    [m.policy.name, (g) => g.champion],
  ];
  if (r.challenger && m.challenger) arms.push([m.challenger.name, (g) => g.challenger]);
  const note = riskNote(m);
  const riskSentence = `${note.charAt(0).toUpperCase()}${note.slice(1)}.`;
  for (const [i, [name, pick]] of arms.entries())
    body.push(
      section(
        `Risk under ${i === 0 ? name : challengerTitle(m)}`,
        riskTableHtml(groups.flatMap((g) => (pick(g) ? [{ persona: g.persona, arm: pick(g)! }] : []))),
        { note: riskSentence },
      ),
    );
  body.push(
    section(
      "Customer events",
      eventsTable(
        arms.flatMap(([name, pick]) => (pick(all) ? [[name, pick(all)!] as [string, ArmSummary]] : [])),
      ),
      {
        note: `What the customers did over the ${daysText(m.days)}, all accounts, by type${arms.length > 1 ? ", under each policy: a decision changes what follows it (a declined customer applies elsewhere, a suspended one calls or leaves)" : ""}.`,
      },
    ),
  );
  body.push(
    `<div class="grid2">${section(
      "Score distribution at the end",
      chartBox("scores", 300, "final score distribution"),
      // the text report's score drift, beside the distributions it compares
      m.challenger
        ? {
            note: `${m.policy.name}: filled bars; ${m.challenger.name}: outlined bars.${all.psi !== null ? ` ${scoreDrift(all, m.policy.name, m.challenger.name)}.` : ""}`,
          }
        : {},
    )}${section("Median score over time", chartBox("median", 300, "median score over time"))}</div>`,
  );
  charts.push(delinquencyChart(r, { champion: ch, challenger: cc }));
  body.push(
    section(
      `Portfolio under ${m.policy.name}${m.challenger ? ` and ${challengerTitle(m)}` : ""}`,
      // with two tables, each is named by its policy (the second alone was, and the first read as the section's)
      `${r.challenger && m.challenger ? `<h3>${esc(m.policy.name)}</h3>` : ""}${portfolioTable(groups.map((g) => ({ persona: g.persona, arm: g.champion })))}${
        r.challenger && m.challenger
          ? `<h3>${esc(challengerTitle(m))}</h3>${portfolioTable(
              groups.filter((g) => g.challenger).map((g) => ({ persona: g.persona, arm: g.challenger! })),
            )}`
          : ""
      }<h3>${esc(DELINQUENCY_TITLE)}</h3>${chartBox("delinquency", 280, DELINQUENCY_TITLE)}`,
      {
        note: `Book: the balance on the last month end${ch.portfolio.day === null ? " (the horizon holds none, so nothing here is measured: –)" : `, ${dateAndDay(r.meta.start, ch.portfolio.day)}`}, Huabei and Jiebei together, written-off balances excluded; 30+, 90+: its share more than 30 / 90 days past due; 12 months: over ${trailingMonthEnds(ch.portfolio.monthEnd.length)} (Σ past due ÷ Σ book). Per year: spells of suspension, closures by the lender and charge-offs per account-year open (~: fewer than ${FEW_CASES} account-years, too few to read). Loss rate: net write-offs a year over the average book. –: nothing to divide by (no month end, or an empty book).`,
      },
    ),
  );
  const vintageNoteText = vintageNote(m);
  body.push(
    section(
      `Vintages under ${m.policy.name}${cc && m.challenger ? ` and ${challengerTitle(m)}` : ""}`,
      arms
        .map(([name, pick], i) => {
          const a = pick(all);
          if (!a) return "";
          return `${cc && m.challenger ? `<h3>${esc(i === 0 ? name : challengerTitle(m))}</h3>` : ""}${vintageTableHtml(a.vintage)}`;
        })
        .join(""),
      { note: `${vintageNoteText.charAt(0).toUpperCase()}${vintageNoteText.slice(1)}.` },
    ),
  );
  if (all.differences && m.challenger) {
    charts.push(intervalChart(all.differences));
    const rows = all.differences
      .map((d) => {
        // a share of accounts (the text report's rule: it has a value per arm) reads in % and pp
        const rate = isShare(d);
        // a rate to two decimals, the four its fraction was rounded to: to one, it was rounded twice
        const f = (x: number | null) => (x === null ? "–" : rate ? pct2(x) : num(x, 2));
        const { change, interval } = differenceText(d);
        const sig = significant(d);
        return `<tr${sig ? ' style="background:#fffbeb"' : ""}><td>${esc(METRIC_LABELS[d.metric as keyof typeof METRIC_LABELS] ?? d.metric)}</td><td class="num">${f(d.champion)}</td><td class="num">${f(d.challenger)}</td><td class="num">${change}</td><td class="num">${interval}${sig ? " *" : ""}</td></tr>`;
      })
      .join("");
    const flips = Object.entries(all.flips ?? {})
      .sort(([, a], [, b]) => b - a)
      .map(([k, v]) => `<tr><td>${esc(k)}</td><td class="num">${int(v)}</td></tr>`)
      .join("");
    const sample = r.flips
      .slice(0, 10)
      .map(
        (f) =>
          `<tr><td class="num">#${f.index}</td><td>${esc(f.persona)}</td><td>${esc(f.champion)} → ${esc(f.challenger)}</td></tr>`,
      )
      .join("");
    body.push(
      section(
        `Champion ${m.policy.name} vs challenger ${m.challenger.name}`,
        `${chartBox("intervals", 300, "differences with 95 % intervals")}<h3>Every difference</h3><div class="scroll"><table><thead><tr><th>metric</th><th class="num">${esc(m.policy.name)}</th><th class="num">${esc(m.challenger.name)}</th><th class="num">change</th><th class="num">95 % interval</th></tr></thead><tbody>${rows}</tbody></table></div>`,
        {
          note: `Paired on the same ${accountsText(ch.accounts)}${m.challengerFrom > 0 ? `; the challenger takes over on day ${m.challengerFrom}` : ""}. Amounts: the mean per account over the ${daysText(m.days)} of the horizon. Highlighted and marked *: the interval excludes 0.`,
        },
      ),
      section(
        `Accounts whose outcome flips: ${flippedText(all)}`,
        `<div class="grid2"><div><h3>By transition</h3><table><tbody>${flips || '<tr><td class="empty">none</td></tr>'}</tbody></table></div><div><h3>A sample</h3><table><tbody>${sample || '<tr><td class="empty">none</td></tr>'}</tbody></table>${replayNote(options)}</div></div>`,
        { note: `By transition: ${FLIPS_NOTE}.` },
      ),
    );
    const pair = r.decisionFlips[0];
    if (pair)
      body.push(
        section(
          "Why: the first decision that differs, by the rule that decided it",
          flipGroupsTable([{ p: pair, names: [m.policy.name, m.challenger.name] }], FLIP_GROUPS.challenger),
          { note: flipsNote(true) },
        ),
      );
  }
  const rows = variantRows(r);
  const trade =
    options.frontier ??
    (rows
      ? sweepFrontier(
          rows,
          (all.variants ?? []).map((v) => v.risk),
          chartedLine(m.sweep!.axes),
        )
      : null);
  if (trade) {
    charts.push(frontierChart(trade));
    body.push(
      section(trade.title, chartBox("frontier", 320, trade.title), {
        note: "Each point is one policy variant of the sweep. The line joins, in bad-rate order, the variants no other one dominates (as the table marks them: none other approves as many, with a bad rate as low and a profit as high); grey points are dominated. Each is named by its number in the table of variants.",
      }),
    );
  }
  if (rows)
    body.push(
      section(
        "Variants of the sweep",
        variantTable(
          baseVariant(r, all),
          rows,
          (all.variants ?? []).map((v) => v.risk),
          frontierLines(m.sweep!.axes, [all.champion.risk, ...(all.variants ?? []).map((v) => v.risk)]),
          m,
        ),
      ),
    );
  if (m.sweep && r.decisionFlips.length > 0) {
    const pairs = r.decisionFlips.slice(0, FLIP_GROUPS.pairs);
    const more = r.decisionFlips.length - pairs.length;
    body.push(
      section(
        "Why neighbouring variants differ: the first decision that differs, by the rule that decided it",
        `${flipGroupsTable(
          pairs.map((p) => ({ p, names: [`#${p.a}`, `#${p.b}`] })),
          FLIP_GROUPS.sweep,
        )}${
          more > 0
            ? `<p class="note">… ${more} more neighbouring pair${more === 1 ? "" : "s"} (--json)</p>`
            : ""
        }${replayNote(options)}`,
        { note: `Variants by their number in the table of variants. ${flipsNote(false)}` },
      ),
    );
  }
  // each policy's, as the text report has them (the challenger's was left out)
  for (const [name, pick] of arms) {
    const a = pick(all);
    if (!a) continue;
    body.push(section(`Money on Huabei (${name})`, `<p>${esc(moneyOnHuabei(a))}</p>`));
  }
  return htmlPage(
    {
      title: m.challenger
        ? `${m.policy.name} vs ${m.challenger.name}`
        : m.sweep
          ? `Sweep of ${m.sweep.axes.map((a) => a.param).join(" × ")} on ${m.policy.name}: ${variantsText(m.sweep.variants.length)}`
          : `Population under ${m.policy.name}`,
      kind: "Population",
      lede: `${int(m.accounts)} synthetic account${m.accounts === 1 ? "" : "s"} from ${m.personas.length} persona${m.personas.length === 1 ? "" : "s"} (${m.personas.map((p) => p.name).join(", ")}), ${daysText(m.days)} each from ${m.start}.`,
      facts: [
        ["seed", String(m.seed)],
        ["policy", m.policy.name],
        ...(m.challenger
          ? ([
              [
                "challenger",
                `${m.challenger.name}${m.challengerFrom > 0 ? ` from day ${m.challengerFrom}` : ""}`,
              ],
            ] as Array<[string, string]>)
          : []),
        ...(m.stress === null ? [] : ([["stress", stressText(m.stress)!]] as Array<[string, string]>)),
        ...(m.range[0] !== 0 || m.range[1] !== m.accounts
          ? ([["accounts", `${m.range[0]}–${m.range[1] - 1}`]] as Array<[string, string]>)
          : []),
      ],
      body: body.join("\n"),
      charts,
    },
    assets,
  );
}
