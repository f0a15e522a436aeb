import * as path from "node:path";
import { runProgram } from "../../tools/harness/run-program";
import { buildInventory } from "../../tools/plan/inventory";
import { loadStack } from "../../tools/plan/load-stack";
import type { PlanReport } from "../../tools/plan/report";

export const REPO = path.resolve(__dirname, "../..");

/**
 * Plans one of the repository's stacks in-process, as the CLI does. The
 * program can run once per module registry, so call this once per test file.
 */
export async function planStack(stack: string): Promise<PlanReport> {
    const loaded = loadStack({ projectDir: REPO, stack });
    if (!loaded.ok) throw new Error(loaded.problems.join("\n"));
    const run = await runProgram({ project: loaded.project, stack, config: loaded.engineConfig });
    return buildInventory(run, loaded.config);
}
