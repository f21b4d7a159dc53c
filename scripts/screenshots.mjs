// Regenerates the pictures in docs/images/ from the built CLI: each kind of HTML report, made by the
// commands docs/html-reports.md shows, opened in headless Chromium (Debian's `chromium`, driven by
// playwright-core as the browser tests drive it) and photographed at a laptop's window size; on the
// scenario run's page the pointer rests on the suspension's marker, so its reasons show. PNGs are
// squeezed with pngquant when it is installed (a quarter of the bytes, no visible loss).
//
//   npm run build && node scripts/screenshots.mjs
//
// The pictures are documentation, not tests: nothing compares them, and a page that changes needs them
// taken again (docs/html-reports.md says when).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from "node:fs";
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
  },
  {
    name: "test",
    args: ["test", "scenarios/", "--reporter", "html", "--output-file", `html=${join(work, "test.html")}`],
  },
];

function credit(args) {
  const r = spawnSync(process.execPath, [join(root, "bin", "credit-sim"), ...args], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", CI: "true" },
  });
  if (r.status !== 0) throw new Error(`credit-sim ${args.join(" ")} exited ${r.status}:\n${r.stderr}`);
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
    const squeezed = join(work, `${page.name}-small.png`);
    const q = spawnSync("pngquant", ["--quality", "70-90", "--force", "--output", squeezed, file]);
    renameSync(q.status === 0 ? squeezed : file, join(out, `${page.name}.png`));
    console.log(`wrote docs/images/${page.name}.png`);
  }
} finally {
  await context.close();
  rmSync(work, { recursive: true, force: true });
}
