// The import rules CI keeps (`npm run lint:deps`, part of `npm run lint`). Checked on src/ only.
//
// Layers, bottom first:  shared → engine → scenario → {testing, whatif, population} → render → cli
// A module may import from its own folder and from folders below it, never from a folder above it.
// testing, whatif and population are siblings: none imports another. The package's top-level files
// (src/index.ts, src/run-scenario.ts) are the library entry: they sit beside cli and may import any
// folder below it; nothing imports them, and they do not import cli.

/** Bottom first; folders in one entry are siblings. `path` matches the files of a layer. */
const LAYERS = [
  [{ name: "shared", path: "^src/shared/" }],
  [{ name: "engine", path: "^src/engine/" }],
  [{ name: "scenario", path: "^src/scenario/" }],
  [
    { name: "testing", path: "^src/testing/" },
    { name: "whatif", path: "^src/whatif/" },
    { name: "population", path: "^src/population/" },
  ],
  [{ name: "render", path: "^src/render/" }],
  [
    { name: "cli", path: "^src/cli/" },
    { name: "library entry (src/*.ts)", path: "^src/[^/]+$" },
  ],
];

const ORDER = "shared → engine → scenario → {testing, whatif, population} → render → cli";

/** One rule per layer: it may not import its siblings, nor any layer above it. */
const layerRules = LAYERS.flatMap((level, i) =>
  level.map((layer) => {
    const siblings = level.filter((other) => other !== layer);
    const above = LAYERS.slice(i + 1).flat();
    const banned = [...siblings, ...above];
    return {
      name: `layer-${layer.name.split(" ")[0]}`,
      severity: "error",
      comment:
        `${layer.name} may import only its own folder and the layers below it ` +
        `(${ORDER}); not ${banned.map((b) => b.name).join(", ")}.`,
      from: { path: layer.path },
      to: { path: banned.map((b) => b.path) },
    };
  }),
).filter((rule) => rule.to.path.length > 0);

module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: "layer-unknown",
      severity: "error",
      comment: `A folder under src/ that is not in the layer order (${ORDER}): add it to LAYERS.`,
      from: { path: "^src/", pathNot: LAYERS.flat().map((layer) => layer.path) },
      to: {},
    },
    {
      name: "no-circular",
      severity: "error",
      comment:
        "No import cycles between modules. Cycles between folders cannot pass the layer rules at all (type-only " +
        "imports included); inside a folder a cycle closed only by an `import type` is let through, as it is " +
        "gone at run time (population/result.ts ↔ stats.ts today).",
      from: { path: "^src/" },
      to: { circular: true, viaOnly: { dependencyTypesNot: ["type-only"] } },
    },
    {
      name: "engine-no-io",
      severity: "error",
      comment:
        "The engine is pure: no Node built-ins (fs, path, process, worker_threads, …), no colour, no prompts. " +
        "Reading files and talking to a terminal happen in the layers above it.",
      from: { path: "^src/engine/" },
      to: { dependencyTypes: ["core"] },
    },
    {
      name: "engine-no-terminal-packages",
      severity: "error",
      comment: "The engine reports data; colour (chalk) and prompts (@inquirer) belong to the CLI.",
      from: { path: "^src/engine/" },
      to: { path: "node_modules/(chalk|@inquirer)/" },
    },
    {
      name: "engine-public-face",
      severity: "error",
      comment:
        "Outside src/engine, import the engine only through src/engine/index.ts: its internals can move " +
        "without the layers above noticing.",
      from: { path: "^src/", pathNot: "^src/engine/" },
      to: { path: "^src/engine/", pathNot: "^src/engine/index\\.ts$" },
    },
    {
      name: "not-to-unresolvable",
      severity: "error",
      comment:
        "Every import must resolve to a file, or the rules above would check a graph with holes in it.",
      from: { path: "^src/" },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    // count type-only imports too: a layer must not even name the types of a layer above it
    tsPreCompilationDeps: true,
    // resolves the `./x.js` specifiers of NodeNext to the `./x.ts` sources
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".js", ".mjs", ".cjs", ".d.ts"],
      mainFields: ["module", "main", "types", "typings"],
    },
  },
};
