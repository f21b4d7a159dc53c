// Regenerates the pictures in docs/images/ from the built CLI: each kind of HTML report, made by the
// commands docs/html-reports.md shows, opened in headless Chromium (Debian's `chromium`, driven by
// playwright-core as the browser tests drive it) and photographed at a laptop's window size; on the
// scenario run's page the pointer rests on the suspension's marker, so its reasons show. Then a terminal:
// a what-if's comparison as a colour terminal of 120 columns prints it — run in a pseudo-terminal that
// wide (util-linux's `script`), so it is fitted as a terminal fits it: piped, the output is not fitted and
// ran to 133 columns — turned into a page by aha (Debian's ANSI-to-HTML adapter) and photographed the
// same way. PNGs are squeezed with pngquant when
// it is installed (a quarter of the bytes, no visible loss).
//
//   apt-get install chromium aha pngquant   # once
//   npm run build && node scripts/screenshots.mjs
//
// The pictures are documentation, not tests: nothing compares them, and a page that changes needs them
// taken again (docs/html-reports.md says when).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const root = fileURLToPath(new URL("..", import.meta.url));
const out = join(root, "docs", "images");
const work = mkdtempSync(join(tmpdir(), "credit-sim-screenshots-"));
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** The pages: a name, the credit-sim command that writes it (its --html or --output-file), what to point at. */
const pages = [
  {
    name: "run",
    args: ["run", "scenarios/zhang-ming.yaml", "--html", join(work, "run.html")],
    hover: "suspended",
  },
  {
    name: "whatif",
    args: [
      "whatif",
      "scenarios/zhang-ming.yaml",
      "--remove",
      "type=apply,product=increase,day>=200",
      "--html",
      join(work, "whatif.html"),
    ],
  },
  {
    name: "simulate",
    args: [
      "simulate",
      "--accounts",
      "2000",
      "--sweep",
      "minOpenScore=750..900:25",
      "--html",
      join(work, "simulate.html"),
      "--no-progress",
    ],
    scrollTo: "against bad rate",
    // the table of variants beneath, to the last line of its notes: the window grows to show it whole
    through: "variants of the sweep",
  },
  {
    name: "test",
    args: ["test", "scenarios/", "--reporter", "html", "--output-file", `html=${join(work, "test.html")}`],
  },
];

/** Terminals: a name and the credit-sim command whose coloured output is photographed. */
const terminals = [
  {
    name: "whatif-terminal",
    // what if Zhang Ming had repaid both bills by their due days (#15 and #22, days 199 and 229)?
    args: ["whatif", "scenarios/zhang-ming.yaml", "--edit", "15:day=190", "--edit", "22:day=221"],
  },
];

function credit(args, env = { NO_COLOR: "1" }) {
  const r = spawnSync(process.execPath, [join(root, "bin", "credit-sim"), ...args], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, CI: "true", ...env },
  });
  if (r.status !== 0) throw new Error(`credit-sim ${args.join(" ")} exited ${r.status}:\n${r.stderr}`);
  return r.stdout;
}

/** What a colour terminal `columns` wide shows of `credit-sim args`: the command run in a pseudo-terminal. */
function inTerminal(args, columns) {
  const quote = (a) => `'${a.replaceAll("'", "'\\''")}'`;
  const command = [process.execPath, join(root, "bin", "credit-sim"), ...args].map(quote).join(" ");
  const r = spawnSync(
    "script",
    ["-q", "-e", "-c", `stty cols ${columns} rows 50; exec ${command}`, "/dev/null"],
    {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, FORCE_COLOR: "1" },
    },
  );
  if (r.error || r.status !== 0)
    throw new Error(`credit-sim ${args.join(" ")} in a terminal exited ${r.status}: ${r.error ?? r.stdout}`);
  // a terminal's line ends are CR LF
  return r.stdout.replaceAll("\r\n", "\n");
}

/** A terminal's output as a page: aha's HTML of its colours, in a dark window with a monospaced font. */
function terminalPage(ansi) {
  const r = spawnSync("aha", ["--black", "--no-header"], { input: ansi, encoding: "utf8" });
  if (r.error || r.status !== 0)
    throw new Error("aha is needed for the terminal pictures: apt-get install aha");
  return `<!doctype html><meta charset="utf-8"><style>
body { margin: 0; background: #1e1e2e; }
pre { margin: 0; padding: 20px 24px; color: #e4e4ef; background: #1e1e2e; font: 14px/1.18 "DejaVu Sans Mono", monospace; width: max-content; }
</style><body><pre>${r.stdout}</pre></body>`;
}

/** Squeezes `file` (pngquant, when installed) into docs/images/`name`.png. */
function keep(file, name) {
  const squeezed = `${file}.small.png`;
  const q = spawnSync("pngquant", ["--quality", "70-90", "--force", "--output", squeezed, file]);
  renameSync(q.status === 0 ? squeezed : file, join(out, `${name}.png`));
  console.log(`wrote docs/images/${name}.png`);
}

if (!existsSync(CHROMIUM)) {
  console.error(`no Chromium at ${CHROMIUM}: apt-get install chromium (or set CHROMIUM_PATH)`);
  process.exit(2);
}
mkdirSync(out, { recursive: true });
const profile = join(work, "profile");
const context = await chromium.launchPersistentContext(profile, {
  executablePath: CHROMIUM,
  headless: true,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run"],
  viewport: { width: 1280, height: 900 },
  offline: true,
});
try {
  for (const page of pages) {
    credit(page.args);
    const tab = await context.newPage();
    await tab.goto(`file://${join(work, `${page.name}.html`)}`);
    // charts animate in: wait until every canvas has its Chart.js instance, then for the animation's end
    await tab.waitForFunction(() => [...document.querySelectorAll("canvas")].every((c) => Chart.getChart(c)));
    await tab.waitForTimeout(1500);
    if (page.scrollTo) {
      // the first heading that names it, at the top of the window
      await tab.evaluate((word) => {
        const h = [...document.querySelectorAll("h2")].find((x) =>
          x.textContent.toLowerCase().includes(word),
        );
        h?.scrollIntoView();
        window.scrollBy(0, -24);
      }, page.scrollTo);
    }
    if (page.through) {
      // the section headed so, down to its end: a note that gains a line is not cut off at the window's edge
      const bottom = await tab.evaluate((word) => {
        const h = [...document.querySelectorAll("h2")].find((x) =>
          x.textContent.toLowerCase().includes(word),
        );
        return h ? h.parentElement.getBoundingClientRect().bottom : 0;
      }, page.through);
      const height = Math.ceil(bottom + 4);
      if (height > 900) {
        await tab.setViewportSize({ width: 1280, height });
        await tab.waitForTimeout(500);
      }
    }
    if (page.hover) {
      const at = await tab.evaluate((label) => {
        const canvas = document.querySelector("canvas");
        const chart = Chart.getChart(canvas);
        const i = chart.data.datasets.findIndex((d) => String(d.label).startsWith(label));
        const point = chart.getDatasetMeta(i).data[0];
        const box = canvas.getBoundingClientRect();
        return { x: box.left + point.x, y: box.top + point.y };
      }, page.hover);
      await tab.mouse.move(at.x, at.y);
      await tab.waitForTimeout(500);
    }
    const file = join(work, `${page.name}.png`);
    await tab.screenshot({ path: file });
    await tab.close();
    keep(file, page.name);
  }
  for (const term of terminals) {
    const html = join(work, `${term.name}.html`);
    writeFileSync(html, terminalPage(inTerminal(term.args, 120)));
    const tab = await context.newPage();
    await tab.goto(`file://${html}`);
    const file = join(work, `${term.name}.png`);
    await tab.locator("pre").screenshot({ path: file });
    await tab.close();
    keep(file, term.name);
  }
} finally {
  await context.close();
  rmSync(work, { recursive: true, force: true });
}
