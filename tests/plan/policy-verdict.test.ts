import { policyVerdict } from "../../tools/plan/policy-report";
import type { PolicyLevel, PolicyReport, PolicyViolation } from "../../tools/plan/report";

const level = (policy: string, enforcementLevel: PolicyLevel["enforcementLevel"], weakened: string[] = []) => ({
    policy,
    enforcementLevel,
    packLevel: "mandatory" as const,
    weakened,
});

const report = (levels: PolicyLevel[], violations: PolicyViolation[] = []): PolicyReport => ({
    evaluated: true,
    pack: "virtengine-guardrails@0.1.0",
    configFile: "policies/config/x.json",
    levels,
    violations,
});

describe("the policy verdict", () => {
    it("is clean only when every policy runs at the pack's strength and none reports", () => {
        expect(policyVerdict(report([level("a", "mandatory"), level("b", "mandatory")]))).toEqual({
            kind: "clean",
            line: "no policy violations",
        });
    });

    it('is never clean under {"all": "disabled"}: it says nothing was checked, and by which file', () => {
        const verdict = policyVerdict(report([level("a", "disabled", ["a is disabled"]), level("b", "disabled")]));
        expect(verdict.kind).toBe("unchecked");
        expect(verdict.line).toBe("NOT CHECKED: every policy (2) is disabled by policies/config/x.json");
    });

    it("names the weakened policies and the file next to an otherwise clean result", () => {
        const verdict = policyVerdict(report([level("a", "advisory", ["a is advisory"]), level("b", "mandatory")]));
        expect(verdict).toEqual({
            kind: "weakened",
            line: "no policy violations, but policies/config/x.json weakens 1 of 2 policies (a)",
        });
    });

    it("puts mandatory findings first: they fail the plan whatever else is weakened", () => {
        const violation: PolicyViolation = { policy: "b", enforcementLevel: "mandatory", message: "m" };
        const verdict = policyVerdict(
            report([level("a", "disabled", ["a is disabled"]), level("b", "mandatory")], [violation]),
        );
        expect(verdict).toEqual({ kind: "violations", line: "1 mandatory and 0 advisory policy violation" });
    });

    it("says when the pack did not run", () => {
        expect(policyVerdict({ ...report([]), evaluated: false }).kind).toBe("unchecked");
    });
});
