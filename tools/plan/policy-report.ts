import type { PolicyDiagnostic } from "../harness/policy/evaluate";
import type { EffectivePolicy } from "../harness/policy/weakening";
import type { PolicyLevel, PolicyReport, PolicyViolation } from "./report";

const ORDER: Record<PolicyViolation["enforcementLevel"], number> = {
    mandatory: 0,
    remediate: 1,
    advisory: 2,
    disabled: 3,
};

/** The pack's findings as the plan reports them: mandatory first, each keeping the pack's order. */
export function policyReport(
    pack: string,
    configFile: string,
    levels: readonly EffectivePolicy[],
    diagnostics: readonly PolicyDiagnostic[],
): PolicyReport {
    const violations: PolicyViolation[] = diagnostics
        .map((d, i) => ({ d, i }))
        .sort((a, b) => ORDER[a.d.enforcementLevel] - ORDER[b.d.enforcementLevel] || a.i - b.i)
        .map(({ d }) => ({
            policy: d.policy,
            enforcementLevel: d.enforcementLevel,
            message: d.message,
            ...(d.urn ? { urn: d.urn } : {}),
        }));
    const policyLevels: PolicyLevel[] = levels.map((l) => ({
        policy: l.policy,
        enforcementLevel: l.enforcementLevel,
        packLevel: l.packLevel,
        weakened: [...l.weakened],
    }));
    return { evaluated: true, pack, configFile, levels: policyLevels, violations };
}

/** The resource name at the end of a URN (`...::type::name`), for tables. */
export const resourceName = (urn: string | undefined) => (urn ? urn.slice(urn.lastIndexOf("::") + 2) : "(stack)");

/**
 * What the policy result means, in one word for tools and one line for
 * people: `violations` (mandatory findings: exit 1), `unchecked` (the pack
 * did not run, or every policy is disabled), `weakened` (no mandatory
 * finding, but the config turns rules off or loosens them), `clean`.
 */
export type VerdictKind = "violations" | "unchecked" | "weakened" | "clean";

export interface Verdict {
    kind: VerdictKind;
    line: string;
}

export function policyVerdict(policies: PolicyReport): Verdict {
    const count = (level: PolicyViolation["enforcementLevel"]) =>
        policies.violations.filter((v) => v.enforcementLevel === level).length;
    const mandatory = count("mandatory");
    const advisory = count("advisory");
    const findings = `${mandatory} mandatory and ${advisory} advisory policy violation${mandatory + advisory === 1 ? "" : "s"}`;
    if (!policies.evaluated) return { kind: "unchecked", line: "policies not evaluated" };
    if (mandatory > 0) return { kind: "violations", line: findings };
    const running = policies.levels.filter((l) => l.enforcementLevel !== "disabled");
    if (policies.levels.length > 0 && running.length === 0) {
        return {
            kind: "unchecked",
            line: `NOT CHECKED: every policy (${policies.levels.length}) is disabled by ${policies.configFile}`,
        };
    }
    const weakened = policies.levels.filter((l) => l.weakened.length > 0);
    const found = mandatory + advisory === 0 ? "no policy violations" : findings;
    if (weakened.length > 0) {
        return {
            kind: "weakened",
            line: `${found}, but ${policies.configFile} weakens ${weakened.length} of ${policies.levels.length} policies (${weakened.map((l) => l.policy).join(", ")})`,
        };
    }
    return { kind: "clean", line: found };
}
