import { runPolicyPack } from "../../tools/harness/policy/evaluate";
import { UNKNOWN, type RecordedResource } from "../../tools/harness/run-program";
import { find, inRegion, resource, topology } from "./fixtures";
import { evaluate, messagesOf, of } from "./pack";

const POLICY = "imdsv2-required";
const VALIDATOR = "us-east-1-validator-0-us-east-1a";
const TEMPLATE = "us-east-1-full-node";

/** The default stack with one resource's metadataOptions replaced (undefined removes them). */
function withMetadata(name: string, options: Record<string, unknown> | undefined): RecordedResource[] {
    const resources = topology();
    const r = find(resources, name);
    if (options === undefined) delete r.inputs.metadataOptions;
    else r.inputs.metadataOptions = options;
    return resources;
}

const messages = (resources: RecordedResource[], config?: unknown) => messagesOf(POLICY, resources, config);

describe("imdsv2-required", () => {
    it("passes instances and launch templates that require tokens", async () => {
        expect(of(await evaluate(topology()), POLICY)).toEqual([]);
    });

    it("fails httpTokens optional on an instance, naming it and the fix", async () => {
        const found = of(await evaluate(withMetadata(VALIDATOR, { httpTokens: "optional" })), POLICY);
        expect(found).toHaveLength(1);
        expect(found[0].enforcementLevel).toBe("mandatory");
        expect(found[0].urn).toContain(VALIDATOR);
        expect(found[0].message).toBe(
            `instance ${VALIDATOR} allows IMDSv1 (metadataOptions.httpTokens is "optional"); ` +
                `set httpTokens: "required" (or httpEndpoint: "disabled" if it needs no instance metadata)`,
        );
    });

    it("fails a launch template with httpTokens optional or not set", async () => {
        expect(await messages(withMetadata(TEMPLATE, { httpTokens: "optional" }))).toEqual([
            expect.stringMatching(/^launch template us-east-1-full-node allows IMDSv1/),
        ]);
        expect(await messages(withMetadata(TEMPLATE, { httpEndpoint: "enabled" }))).toEqual([
            expect.stringContaining("(metadataOptions.httpTokens is not set)"),
        ]);
    });

    it("fails an instance without metadataOptions (AWS's default is optional)", async () => {
        expect(await messages(withMetadata(VALIDATOR, undefined))).toEqual([
            `instance ${VALIDATOR} sets no metadataOptions, so IMDSv1 stays on (AWS's default httpTokens is "optional"); ` +
                `set metadataOptions: { httpTokens: "required" }`,
        ]);
    });

    it("passes a metadata service turned off, whatever the tokens setting", async () => {
        expect(await messages(withMetadata(VALIDATOR, { httpEndpoint: "disabled", httpTokens: "optional" }))).toEqual(
            [],
        );
    });

    it("says httpTokens (or the whole block) unknown in the preview cannot be verified", async () => {
        expect(await messages(withMetadata(VALIDATOR, { httpTokens: UNKNOWN }))).toEqual([
            expect.stringContaining(
                "IMDSv2 cannot be verified during preview: metadataOptions.httpTokens is not known",
            ),
        ]);
        const resources = topology();
        find(resources, VALIDATOR).inputs.metadataOptions = UNKNOWN;
        expect(await messages(resources)).toEqual([
            `instance ${VALIDATOR}: IMDSv2 cannot be verified during preview: metadataOptions is not known until ` +
                `deployment; set it from a plain value`,
        ]);
    });

    describe("hop limit", () => {
        it("passes 1 and fails 2 on a validator (no containers: one hop is enough)", async () => {
            const one = withMetadata(VALIDATOR, { httpTokens: "required", httpPutResponseHopLimit: 1 });
            expect(await messages(one)).toEqual([]);
            const two = withMetadata(VALIDATOR, { httpTokens: "required", httpPutResponseHopLimit: 2 });
            expect(await messages(two)).toEqual([
                `instance ${VALIDATOR} sets metadataOptions.httpPutResponseHopLimit 2, above the maximum of 1, ` +
                    `so metadata tokens reach further than the host needs; set it to 1 ` +
                    `(or raise maxHopLimit in the policy config)`,
            ]);
        });

        it("passes 2 and fails 3 on a Kubernetes node (pods are one hop further)", async () => {
            const eksTemplate = (hops: number) => {
                const resources = topology();
                resources.push(
                    resource(
                        "aws:ec2/launchTemplate:LaunchTemplate",
                        "us-east-1-eks-nodes",
                        {
                            instanceType: "m6i.large",
                            metadataOptions: { httpTokens: "required", httpPutResponseHopLimit: hops },
                            tags: { "eks:cluster-name": "us-east-1" },
                        },
                        inRegion(resources, "us-east-1"),
                    ),
                );
                return resources;
            };
            expect(await messages(eksTemplate(2))).toEqual([]);
            expect(await messages(eksTemplate(3))).toEqual([
                expect.stringContaining("above the maximum of 2, so metadata tokens reach further"),
            ]);
        });
    });

    it("looks only at instances and launch templates", async () => {
        const resources = topology();
        find(resources, "us-east-1-full-node-asg").inputs.metadataOptions = { httpTokens: "optional" };
        expect(await messages(resources)).toEqual([]);
    });

    describe("config", () => {
        it("takes a higher hop limit", async () => {
            const two = withMetadata(VALIDATOR, { httpTokens: "required", httpPutResponseHopLimit: 2 });
            expect(await messages(two, { [POLICY]: { maxHopLimit: 2 } })).toEqual([]);
        });

        it("can be disabled or raised from advisory", async () => {
            const optional = withMetadata(VALIDATOR, { httpTokens: "optional" });
            expect(of(await evaluate(optional, { [POLICY]: "disabled" }), POLICY)).toEqual([]);
            const advisory = of(await evaluate(optional, { all: "advisory" }), POLICY);
            expect(advisory.map((d) => d.enforcementLevel)).toEqual(["advisory"]);
            const back = of(await evaluate(optional, { all: "advisory", [POLICY]: "mandatory" }), POLICY);
            expect(back.map((d) => d.enforcementLevel)).toEqual(["mandatory"]);
        });

        it("rejects a hop limit below 1", async () => {
            const bad = await runPolicyPack(topology(), { config: { [POLICY]: { maxHopLimit: 0 } }, source: "x.json" });
            expect(bad.ok).toBe(false);
            if (!bad.ok)
                expect(bad.problems).toEqual([expect.stringMatching(/^x\.json: imdsv2-required\.maxHopLimit: /)]);
        });
    });
});
