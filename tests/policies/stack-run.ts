import { runStackPolicies } from "../../tools/harness/policy/evaluate";
import type { RecordedResource } from "../../tools/harness/run-program";
import { runStack } from "../helpers/stack-run";

/** The real program's resources for a stack (one program run per test file). */
export async function stackResources(stack: "production" | "staging"): Promise<RecordedResource[]> {
    return (await runStack(stack)).resources;
}

/** Runs the pack with the stack's own `policies/config/<stack>.json`, as CI's preview does. */
export async function evaluateWithStackConfig(stack: string, resources: readonly RecordedResource[]) {
    const result = await runStackPolicies(resources, stack);
    if (!result.ok) throw new Error(result.problems.join("\n"));
    expect(result.configFile).toBe(`policies/config/${stack}.json`);
    return result.diagnostics;
}
