import { InProcessPolicyPack, PACK_DIR } from "../../tools/harness/policy/evaluate";

/** The table "The policy pack" of DESIGN.md: names are stable, CI and the stack configs use them. */
const DESIGN_TABLE = {
    "validator-region-cap": "mandatory",
    "min-validators": "mandatory",
    "min-two-azs": "mandatory",
    "min-full-nodes-per-region": "mandatory",
    "approved-instance-types": "mandatory",
    "imdsv2-required": "mandatory",
    "encrypted-volumes": "mandatory",
    "validators-private": "mandatory",
    "validator-safe-replacement": "mandatory",
    "edge-tls": "mandatory",
    "public-alb-protected": "mandatory",
    "dns-routing-consistent": "mandatory",
    "single-scaling-owner": "mandatory",
    "pinned-versions": "mandatory",
    "backups-multi-region": "mandatory",
    "protect-stateful": "advisory",
};

let pack: InProcessPolicyPack;
beforeAll(async () => {
    pack = await InProcessPolicyPack.load(PACK_DIR);
});

describe("the pack's declarations (as the engine reads them)", () => {
    it("is virtengine-guardrails with exactly the policies of DESIGN.md's table, at the table's levels", () => {
        expect(pack.name).toBe("virtengine-guardrails");
        expect(Object.fromEntries(pack.policies.map((p) => [p.name, p.enforcementLevel]))).toEqual(DESIGN_TABLE);
        expect(pack.policies.map((p) => p.name)).toEqual(Object.keys(DESIGN_TABLE));
    });

    it.each(Object.keys(DESIGN_TABLE))("%s has a description and a config schema with defaults", (name) => {
        const policy = pack.policies.find((p) => p.name === name)!;
        expect(policy.description.length).toBeGreaterThan(20);
        const properties = Object.entries(policy.configProperties);
        expect(properties.length).toBeGreaterThan(0);
        for (const [key, schema] of properties) {
            expect({ key, schema }).toEqual({
                key,
                schema: expect.objectContaining({ default: expect.anything(), description: expect.any(String) }),
            });
        }
        // The engine fills in defaults, so none may be required.
        expect(policy.required).toEqual([]);
    });
});
