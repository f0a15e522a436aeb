import { runPolicyPack } from "../../tools/harness/policy/evaluate";
import { topology, type ValidatorSpec } from "./fixtures";
import { evaluate, messagesOf, of } from "./pack";

const POLICY = "min-validators";

/** One validator per region (four regions at most), each with the given voting-power tag (undefined: no tag). */
const validators = (...powers: (string | undefined)[]) =>
    topology(
        Object.fromEntries(
            powers.map((power, i) => {
                const spec: ValidatorSpec = power === undefined ? { zone: "a" } : { zone: "a", power };
                return [["us-east-1", "eu-west-1", "ap-south-1", "us-west-2"][i], { validators: [spec] }];
            }),
        ),
    );

describe("min-validators", () => {
    it("passes 4 validators, the default minimum", async () => {
        expect(of(await evaluate(validators(undefined, undefined, undefined, undefined)), POLICY)).toEqual([]);
    });

    it("fails 3 validators as a mandatory stack finding, naming the count and the minimum", async () => {
        const found = of(await evaluate(validators(undefined, undefined, undefined)), POLICY);
        expect(found).toHaveLength(1);
        expect(found[0].enforcementLevel).toBe("mandatory");
        expect(found[0].urn).toBeUndefined();
        expect(found[0].message).toMatch(
            /^the stack runs 3 validators with voting power above 0; at least 4 are required/,
        );
    });

    it("fails a stack with no validators at all", async () => {
        expect(await messagesOf(POLICY, topology({ "us-east-1": {} }))).toEqual([
            expect.stringMatching(/^the stack runs no validators; at least 4 are required/),
        ]);
    });

    it("does not count validators with voting power 0, or with a tag that is not a number", async () => {
        expect(await messagesOf(POLICY, validators("1", "1", "1", "0"))).toEqual([
            expect.stringMatching(
                /^the stack runs 3 validators with voting power above 0 \(1 more with virtengine:voting-power 0/,
            ),
        ]);
        expect(await messagesOf(POLICY, validators("0", "0", "0", "0"))).toEqual([
            expect.stringMatching(/^the stack runs 0 validators with voting power above 0 \(4 more/),
        ]);
        expect(await messagesOf(POLICY, validators("1", "1", "1", "lots"))).toHaveLength(1);
        expect(await messagesOf(POLICY, validators("2", "1", "1", "0.5"))).toEqual([]);
    });

    describe("config", () => {
        it("takes another minimum: 3 lets 3 pass, 5 fails 4", async () => {
            const three = validators(undefined, undefined, undefined);
            expect(await messagesOf(POLICY, three, { [POLICY]: { minValidators: 3 } })).toEqual([]);
            const four = validators(undefined, undefined, undefined, undefined);
            expect(await messagesOf(POLICY, four, { [POLICY]: { minValidators: 5 } })).toEqual([
                expect.stringContaining("at least 5 are required"),
            ]);
        });

        it("can be disabled, or lowered to advisory", async () => {
            const three = validators(undefined, undefined, undefined);
            expect(of(await evaluate(three, { [POLICY]: "disabled" }), POLICY)).toEqual([]);
            const advisory = of(await evaluate(three, { [POLICY]: { enforcementLevel: "advisory" } }), POLICY);
            expect(advisory.map((d) => d.enforcementLevel)).toEqual(["advisory"]);
        });

        it("rejects a minimum below 1 or not a whole number, naming the key", async () => {
            for (const bad of [0, 2.5]) {
                const result = await runPolicyPack(validators("1"), {
                    config: { [POLICY]: { minValidators: bad } },
                    source: "policies/config/x.json",
                });
                expect(result.ok ? [] : result.problems).toEqual([
                    expect.stringMatching(/^policies\/config\/x\.json: min-validators\.minValidators: /),
                ]);
            }
        });
    });
});
