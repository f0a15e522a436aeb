import type { PolicyDiagnostic } from "../harness/policy/evaluate";
import type { PolicyReport, PolicyViolation } from "./report";

const ORDER: Record<PolicyViolation["enforcementLevel"], number> = {
    mandatory: 0,
    remediate: 1,
    advisory: 2,
    disabled: 3,
};

/** The pack's findings as the plan reports them: mandatory first, each keeping the pack's order. */
export function policyReport(
    pack: string,
    configFile: string | null,
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
    return { evaluated: true, pack, configFile, violations };
}

/** The resource name at the end of a URN (`...::type::name`), for tables. */
export const resourceName = (urn: string | undefined) => (urn ? urn.slice(urn.lastIndexOf("::") + 2) : "(stack)");
