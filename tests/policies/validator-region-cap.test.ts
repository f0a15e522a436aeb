import { runPolicyPack } from "../../tools/harness/policy/evaluate";
import { topology } from "./fixtures";
import { evaluate, of } from "./pack";

const POLICY = "validator-region-cap";

/** Regions r1..rN holding the given numbers of validators, each in two zones' worth of subnets. */
const split = (...counts: number[]) =>
    topology(
        Object.fromEntries(
            counts.map((n, i) => [
                ["us-east-1", "eu-west-1", "ap-south-1", "us-west-2", "eu-central-1"][i],
                { validators: Array.from({ length: n }, (_, j) => (j % 2 === 0 ? "a" : "b")) },
            ]),
        ),
    );

describe("validator-region-cap", () => {
    it("passes 2 of 7 in one region (28.6%)", async () => {
        expect(of(await evaluate(split(2, 2, 2, 1)), POLICY)).toEqual([]);
    });

    it.each([
        ["2 of 5", [2, 2, 1], ["us-east-1", "eu-west-1"], "40.0%"],
        ["1 of 3 (33.3% is over 33%)", [1, 1, 1], ["us-east-1", "eu-west-1", "ap-south-1"], "33.3%"],
        ["2 of 6", [2, 2, 2], ["us-east-1", "eu-west-1", "ap-south-1"], "33.3%"],
        ["all in one region", [3], ["us-east-1"], "100.0%"],
    ])("fails %s, naming each region over the cap, its share and the cap", async (_, counts, regions, share) => {
        const found = of(await evaluate(split(...counts)), POLICY);
        expect(found.map((d) => d.message.split(" ")[0]).sort()).toEqual([...regions].sort());
        for (const d of found) {
            expect(d.enforcementLevel).toBe("mandatory");
            expect(d.message).toContain(`holds ${share} of validator voting power`);
            expect(d.message).toContain("cap of 33.0%");
        }
    });

    it("weighs validators by their voting-power tag (default 1)", async () => {
        const resources = topology({
            "us-east-1": { validators: [{ zone: "a", power: "3" }] },
            "eu-west-1": { validators: ["a"] },
            "ap-south-1": { validators: ["a"] },
            "us-west-2": { validators: ["a"] },
        });
        const found = of(await evaluate(resources), POLICY);
        expect(found).toHaveLength(1);
        expect(found[0].message).toMatch(/^us-east-1 holds 50\.0% .*\(3 of 6\)/);
    });

    it("refuses a voting-power tag that is not a number, naming the validator", async () => {
        const resources = split(2, 2, 2, 1);
        const v = resources.find((r) => r.name.startsWith("us-west-2-validator"))!;
        (v.inputs.tags as Record<string, string>)["virtengine:voting-power"] = "lots";
        const found = of(await evaluate(resources), POLICY);
        expect(found).toHaveLength(1);
        expect(found[0].urn).toBe(v.urn);
        expect(found[0].message).toContain('virtengine:voting-power is "lots"');
    });

    describe("config", () => {
        it("takes a different cap: 0.34 lets 1 of 3 pass, 0.4 lets 2 of 5 pass", async () => {
            expect(of(await evaluate(split(1, 1, 1), { [POLICY]: { maxRegionShare: 0.34 } }), POLICY)).toEqual([]);
            expect(of(await evaluate(split(2, 2, 1), { [POLICY]: { maxRegionShare: 0.4 } }), POLICY)).toEqual([]);
            expect(of(await evaluate(split(2, 2, 1), { [POLICY]: { maxRegionShare: 0.39 } }), POLICY)).toHaveLength(2);
        });

        it("can be disabled, or lowered to advisory", async () => {
            expect(of(await evaluate(split(2, 2, 1), { [POLICY]: "disabled" }), POLICY)).toEqual([]);
            const advisory = of(await evaluate(split(2, 2, 1), { [POLICY]: { enforcementLevel: "advisory" } }), POLICY);
            expect(advisory.map((d) => d.enforcementLevel)).toEqual(["advisory", "advisory"]);
        });

        it("rejects a cap outside (0, 1] and unknown settings, naming the key", async () => {
            const bad = await runPolicyPack(split(1), {
                config: { [POLICY]: { maxRegionShare: 1.5, maxShare: 0.3 } },
                source: "policies/config/x.json",
            });
            expect(bad.ok).toBe(false);
            if (bad.ok) return;
            expect(bad.problems).toEqual(
                expect.arrayContaining([
                    expect.stringMatching(/^policies\/config\/x\.json: validator-region-cap\.maxRegionShare: /),
                    expect.stringMatching(/validator-region-cap\.maxShare: not a setting of validator-region-cap/),
                ]),
            );
        });
    });
});
