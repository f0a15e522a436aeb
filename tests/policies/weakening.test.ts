import { InProcessPolicyPack, PACK_DIR, readStackPolicyConfig } from "../../tools/harness/policy/evaluate";
import { resolvePackConfig, type PolicyDeclaration } from "../../tools/harness/policy/pack-config";
import { effectivePolicies, SETTING_DIRECTIONS } from "../../tools/harness/policy/weakening";

/*
 * Whether a stack's policy config weakens the pack: what the plan prints
 * next to its verdict, so a config that turns rules off never reads as clean.
 */

const declarations: PolicyDeclaration[] = [
    {
        name: "validator-region-cap",
        description: "",
        enforcementLevel: "mandatory",
        configProperties: { maxRegionShare: { type: "number", default: 0.33 } },
        required: [],
    },
    {
        name: "min-validators",
        description: "",
        enforcementLevel: "mandatory",
        configProperties: { minValidators: { type: "integer", default: 4 } },
        required: [],
    },
    {
        name: "approved-instance-types",
        description: "",
        enforcementLevel: "mandatory",
        configProperties: { nodeFamilies: { type: "array", default: ["r6i"] } },
        required: [],
    },
    {
        name: "validators-private",
        description: "",
        enforcementLevel: "mandatory",
        configProperties: { forbiddenCidrs: { type: "array", default: ["0.0.0.0/0", "::/0"] } },
        required: [],
    },
    {
        name: "encrypted-volumes",
        description: "",
        enforcementLevel: "mandatory",
        configProperties: { requireCustomerManagedKey: { type: "boolean", default: false } },
        required: [],
    },
    {
        name: "protect-stateful",
        description: "",
        enforcementLevel: "advisory",
        configProperties: { somethingNew: { type: "number", default: 1 } },
        required: [],
    },
];

/** What each policy's config weakens under `raw`, by policy (only those weakened). */
function weakenedBy(raw: unknown): Record<string, string[]> {
    const config = resolvePackConfig(declarations, raw, "test.json");
    if (!config.ok) throw new Error(config.problems.join("\n"));
    return Object.fromEntries(
        effectivePolicies(declarations, config.config)
            .filter((p) => p.weakened.length > 0)
            .map((p) => [p.policy, p.weakened]),
    );
}

describe("effectivePolicies", () => {
    it("finds nothing weakened under the pack's own levels and defaults, or stricter ones", () => {
        expect(weakenedBy({})).toEqual({});
        expect(
            weakenedBy({
                "validator-region-cap": { maxRegionShare: 0.25 },
                "min-validators": { minValidators: 7 },
                "approved-instance-types": { nodeFamilies: [] },
                "validators-private": { forbiddenCidrs: ["0.0.0.0/0", "::/0", "10.0.0.0/8"] },
                "encrypted-volumes": { requireCustomerManagedKey: true },
                "protect-stateful": "mandatory",
            }),
        ).toEqual({});
    });

    it("reports a policy disabled or lowered to advisory, with the pack's level", () => {
        expect(weakenedBy({ "min-validators": "disabled", "validator-region-cap": "advisory" })).toEqual({
            "validator-region-cap": ["validator-region-cap is advisory (the pack's level: mandatory)"],
            "min-validators": ["min-validators is disabled (the pack's level: mandatory)"],
        });
    });

    it('reports every policy under {"all": "disabled"}', () => {
        expect(Object.keys(weakenedBy({ all: "disabled" }))).toEqual(declarations.map((d) => d.name));
    });

    it("reports a cap above its default and a minimum below it, with both values", () => {
        expect(
            weakenedBy({ "validator-region-cap": { maxRegionShare: 0.34 }, "min-validators": { minValidators: 3 } }),
        ).toEqual({
            "validator-region-cap": [
                "validator-region-cap.maxRegionShare is 0.34, higher than the pack's default 0.33",
            ],
            "min-validators": ["min-validators.minValidators is 3, lower than the pack's default 4"],
        });
    });

    it("reports an allow-list that grows and a deny-list that shrinks, naming the items", () => {
        const found = weakenedBy({
            "approved-instance-types": { nodeFamilies: ["r6i", "t3"] },
            "validators-private": { forbiddenCidrs: ["0.0.0.0/0"] },
        });
        expect(found["approved-instance-types"]).toEqual([expect.stringContaining('allowing "t3" beyond')]);
        expect(found["validators-private"]).toEqual([expect.stringContaining('dropping "::/0" from')]);
    });

    it("reports a changed setting it has no direction for as possibly looser", () => {
        expect(weakenedBy({ "protect-stateful": { somethingNew: 2 } })["protect-stateful"]).toEqual([
            expect.stringContaining("cannot tell whether that is looser"),
        ]);
    });
});

describe("the pack's settings", () => {
    let pack: InProcessPolicyPack;
    beforeAll(async () => {
        pack = await InProcessPolicyPack.load(PACK_DIR);
    });

    it.each(["production", "staging"])("are not weakened by %s's policy config", (stack) => {
        const read = readStackPolicyConfig(stack);
        if (!read.ok) throw new Error(read.problems.join("\n"));
        const config = resolvePackConfig(pack.policies, read.raw, read.source);
        if (!config.ok) throw new Error(config.problems.join("\n"));
        expect(effectivePolicies(pack.policies, config.config).flatMap((p) => p.weakened)).toEqual([]);
    });

    it("each have a direction, so a looser value is recognised as one", () => {
        const settings = pack.policies.flatMap((p) => Object.keys(p.configProperties).map((k) => `${p.name}.${k}`));
        expect(settings.sort()).toEqual(Object.keys(SETTING_DIRECTIONS).sort());
    });
});
