// The build's warm-up (scripts/bundle.mjs): runs the commands a newcomer runs first, output discarded,
// then saves the code V8 compiled for them as the bundle's code cache (bin/load-cli.mjs). Functions no
// warm-up reached are compiled on first use, as without a cache. An argument writes the cache there
// instead (a test's own file: the build's stays as the build made it).
import { loadCli } from "../bin/load-cli.mjs";

const cli = loadCli();
// what the commands print, and what a golden trace that no longer matches says: not the build's business
const { stdout, stderr } = process;
const [out, err] = [stdout.write, stderr.write];
stdout.write = stderr.write = () => true;
// outside CI `test` writes a golden trace that is missing: the build would write, unseen, the trace of a
// scenario its author has not run yet, from whatever the engine does today
process.env.CI = "true";
try {
  for (const args of [
    ["run", "scenarios/zhang-ming.yaml"],
    ["explain", "scenarios/zhang-ming.yaml", "--day", "227"],
    ["test", "scenarios"],
    ["--help"],
  ])
    await cli.main(args);
} finally {
  [stdout.write, stderr.write] = [out, err];
}
cli.writeCodeCache(process.argv[2]);
