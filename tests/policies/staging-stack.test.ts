import type { PolicyDiagnostic } from "../../tools/harness/policy/evaluate";
import { evaluateWithStackConfig, stackResources } from "./stack-run";

// Both tests read the same analyzer run: the pack over the real staging stack with staging's config.
let found: PolicyDiagnostic[];
beforeAll(async () => {
    found = await evaluateWithStackConfig("staging", await stackResources("staging"));
});

describe("the staging stack against the pack", () => {
    it("passes every mandatory policy with staging's config", () => {
        expect(found.filter((d) => d.enforcementLevel === "mandatory")).toEqual([]);
    });

    it("is told, as advisory only, that its validators, volumes, buckets and zone are not protected", () => {
        // Staging is meant to be torn down and rebuilt; protect-stateful stays advisory there.
        expect(new Set(found.map((d) => `${d.policy}:${d.enforcementLevel}`))).toEqual(
            new Set(["protect-stateful:advisory"]),
        );
        // 4 validators, their 4 data volumes, 3 chain-state backup buckets, 4 access-log buckets and the hosted zone.
        expect(found.length).toBe(16);
    });
});
