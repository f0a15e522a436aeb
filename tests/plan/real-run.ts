import * as path from "node:path";
import { buildInventory } from "../../tools/plan/inventory";
import { loadStack } from "../../tools/plan/load-stack";
import type { PlanReport } from "../../tools/plan/report";
import { sharedRun } from "../helpers/shared-run";

export const REPO = path.resolve(__dirname, "../..");

/**
 * Plans one of the repository's stacks in-process, as the CLI does; the
 * program run is built once per jest worker (tests/helpers/shared-run.ts).
 */
export async function planStack(stack: string): Promise<PlanReport> {
    const loaded = loadStack({ projectDir: REPO, stack });
    if (!loaded.ok) throw new Error(loaded.problems.join("\n"));
    const run = await sharedRun({ project: loaded.project, stack, config: loaded.engineConfig });
    return buildInventory(run, loaded.config);
}
