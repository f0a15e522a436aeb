import { InProcessPolicyPack, PACK_DIR, packConfigPath } from "../../tools/harness/policy/evaluate";
import {
    readPackConfigFile,
    resolvePackConfig,
    type ResolvedPolicyConfig,
} from "../../tools/harness/policy/pack-config";

/*
 * `policies/config/<stack>.json` as `pulumi preview --policy-pack-config`
 * takes it: every key a policy of the pack, every setting one the policy
 * declares, every value within its schema.
 */

let pack: InProcessPolicyPack;
beforeAll(async () => {
    pack = await InProcessPolicyPack.load(PACK_DIR);
});

function resolved(stack: string): Record<string, ResolvedPolicyConfig> {
    const source = `policies/config/${stack}.json`;
    const read = readPackConfigFile(packConfigPath(stack), source);
    if (!read.ok) throw new Error(read.problems.join("\n"));
    expect(read.raw).toBeDefined();
    const result = resolvePackConfig(pack.policies, read.raw, source);
    if (!result.ok) throw new Error(result.problems.join("\n"));
    return result.config;
}

const levels = (config: Record<string, ResolvedPolicyConfig>) =>
    Object.fromEntries(Object.entries(config).map(([name, c]) => [name, c.enforcementLevel]));

describe("policies/config", () => {
    it.each(["production", "staging"])("%s.json is accepted and names every policy of the pack", (stack) => {
        const config = resolved(stack);
        const read = readPackConfigFile(packConfigPath(stack));
        expect(read.ok && Object.keys(read.raw as object)).toEqual(pack.policies.map((p) => p.name));
        expect(config["validator-region-cap"].properties).toEqual({ maxRegionShare: 0.33 });
        expect(config["min-full-nodes-per-region"].properties).toEqual({ minFullNodes: 2 });
    });

    it("production: every policy mandatory, customer-managed keys required", () => {
        const config = resolved("production");
        expect(new Set(Object.values(levels(config)))).toEqual(new Set(["mandatory"]));
        expect(config["encrypted-volumes"].properties).toEqual({ requireCustomerManagedKey: true });
        expect(config["protect-stateful"].properties.additionalTypes).toEqual(["aws:kms/key:Key"]);
    });

    it("staging: protect-stateful advisory, everything else mandatory", () => {
        const config = resolved("staging");
        const { "protect-stateful": protect, ...rest } = levels(config);
        expect(protect).toBe("advisory");
        expect(new Set(Object.values(rest))).toEqual(new Set(["mandatory"]));
    });

    it("refuses a typo in a policy name or setting, naming the file and key", () => {
        const result = resolvePackConfig(
            pack.policies,
            { "protect-statefull": "mandatory", "encrypted-volumes": { requireCMK: true } },
            "policies/config/production.json",
        );
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.problems).toEqual([
            expect.stringMatching(
                /^policies\/config\/production\.json: "protect-statefull" is not a policy of this pack/,
            ),
            expect.stringMatching(/^policies\/config\/production\.json: encrypted-volumes\.requireCMK: not a setting/),
        ]);
    });
});
