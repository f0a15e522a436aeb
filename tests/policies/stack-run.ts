import { packConfigPath, runPolicyPack } from "../../tools/harness/policy/evaluate";
import { readPackConfigFile } from "../../tools/harness/policy/pack-config";
import type { RecordedResource } from "../../tools/harness/run-program";
import { runStack } from "../helpers/stack-run";

/** The real program's resources for a stack (one program run per test file). */
export async function stackResources(stack: "production" | "staging"): Promise<RecordedResource[]> {
    return (await runStack(stack)).resources;
}

/** Runs the pack with the stack's own `policies/config/<stack>.json`, as CI's preview does. */
export async function evaluateWithStackConfig(stack: string, resources: readonly RecordedResource[]) {
    const read = readPackConfigFile(packConfigPath(stack));
    if (!read.ok) throw new Error(read.problems.join("\n"));
    const result = await runPolicyPack(resources, { config: read.raw, source: `policies/config/${stack}.json` });
    if (!result.ok) throw new Error(result.problems.join("\n"));
    return result.diagnostics;
}
