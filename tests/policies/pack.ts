import { runPolicyPack, type PolicyDiagnostic } from "../../tools/harness/policy/evaluate";
import type { RecordedResource } from "../../tools/harness/run-program";

/*
 * Runs the repository's pack through `@pulumi/policy`'s own analyzer
 * handlers (configure, analyze per resource, analyzeStack), as a preview
 * with `--policy-pack policies --policy-pack-config <config>` would.
 */
export async function evaluate(resources: readonly RecordedResource[], config?: unknown): Promise<PolicyDiagnostic[]> {
    const result = await runPolicyPack(resources, { config, source: "test config" });
    if (!result.ok) throw new Error(result.problems.join("\n"));
    return result.diagnostics;
}

/** The findings of one policy. */
export const of = (diagnostics: readonly PolicyDiagnostic[], policy: string) =>
    diagnostics.filter((d) => d.policy === policy);

/** Names of the policies with findings, sorted and deduplicated. */
export const policiesIn = (diagnostics: readonly PolicyDiagnostic[]) =>
    [...new Set(diagnostics.map((d) => d.policy))].sort();

/** The messages one policy reports for `resources`, under `config`. */
export const messagesOf = async (policy: string, resources: readonly RecordedResource[], config?: unknown) =>
    of(await evaluate(resources, config), policy).map((d) => d.message);
