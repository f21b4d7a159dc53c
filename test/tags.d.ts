// The tags a test may carry (vitest.config.ts defines them): a misspelt tag fails the type check, not only
// the run.
import "vitest";

declare module "vitest" {
  interface TestTags {
    tags: "slow" | "property";
  }
}
