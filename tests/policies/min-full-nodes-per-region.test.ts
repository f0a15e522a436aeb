import { UNKNOWN } from "../../tools/harness/run-program";
import { runPolicyPack } from "../../tools/harness/policy/evaluate";
import { find, inRegion, resource, topology } from "./fixtures";
import { evaluate, of } from "./pack";

const POLICY = "min-full-nodes-per-region";

const fullNodeTags = [{ key: "virtengine:role", value: "full-node", propagateAtLaunch: true }];

describe("min-full-nodes-per-region", () => {
    it("passes every region at exactly the minimum (2)", async () => {
        expect(of(await evaluate(topology()), POLICY)).toEqual([]);
    });

    it("fails a region one below the minimum, naming the region, the count, the group and the minimum", async () => {
        const found = of(await evaluate(topology({ "eu-west-1": { validators: ["a"], fullNodes: 1 } })), POLICY);
        expect(found).toHaveLength(1);
        expect(found[0].enforcementLevel).toBe("mandatory");
        expect(found[0].message).toMatch(
            /^eu-west-1 runs 1 full node \(eu-west-1-full-node-asg minSize 1\); at least 2 are required/,
        );
        expect(found[0].message).toContain("Raise the minSize");
        expect(found[0].urn).toContain("eu-west-1-full-node-asg");
    });

    it("fails a region with a VPC and validators but no full-node group", async () => {
        const resources = topology({ "us-west-2": { validators: ["a"] } }).filter(
            (r) => r.type !== "aws:autoscaling/group:Group",
        );
        const found = of(await evaluate(resources), POLICY);
        expect(found.map((d) => d.message)).toEqual([
            expect.stringMatching(/^us-west-2 runs 0 full nodes \(no full-node group\); at least 2/),
        ]);
    });

    it("adds up full-node groups and full-node instances in a region", async () => {
        const resources = topology({ "us-east-1": { validators: ["a"], fullNodes: 1 } });
        resources.push(
            resource(
                "aws:ec2/instance:Instance",
                "us-east-1-sentry",
                { instanceType: "r6i.xlarge", tags: { "virtengine:role": "full-node" } },
                inRegion(resources, "us-east-1"),
            ),
        );
        expect(of(await evaluate(resources), POLICY)).toEqual([]);

        const twoGroups = topology({ "us-east-1": { validators: ["a"], fullNodes: 1 } });
        twoGroups.push(
            resource(
                "aws:autoscaling/group:Group",
                "us-east-1-full-node-extra",
                { minSize: 1, maxSize: 2, tags: fullNodeTags },
                inRegion(twoGroups, "us-east-1"),
            ),
        );
        expect(of(await evaluate(twoGroups), POLICY)).toEqual([]);
    });

    it("does not count groups with another role", async () => {
        const resources = topology({ "us-east-1": { validators: ["a"], fullNodes: 1 } });
        resources.push(
            resource(
                "aws:autoscaling/group:Group",
                "us-east-1-other",
                { minSize: 5, maxSize: 5, tags: [{ key: "virtengine:role", value: "provider-daemon" }] },
                inRegion(resources, "us-east-1"),
            ),
        );
        expect(of(await evaluate(resources), POLICY)).toHaveLength(1);
    });

    it("checks a region that has only a full-node group (here placed by its own region input)", async () => {
        const resources = topology();
        resources.push(
            resource("aws:autoscaling/group:Group", "eu-central-1-full-node-asg", {
                region: "eu-central-1",
                minSize: 1,
                maxSize: 2,
                tags: fullNodeTags,
            }),
        );
        const found = of(await evaluate(resources), POLICY);
        expect(found.map((d) => d.message.split(";")[0])).toEqual([
            "eu-central-1 runs 1 full node (eu-central-1-full-node-asg minSize 1)",
        ]);
    });

    it("says a minSize unknown in the preview cannot be verified, and how to make it known", async () => {
        const resources = topology({ "us-east-1": { validators: ["a"] } });
        find(resources, "us-east-1-full-node-asg").inputs.minSize = UNKNOWN;
        const found = of(await evaluate(resources), POLICY);
        expect(found).toHaveLength(1);
        expect(found[0].enforcementLevel).toBe("mandatory");
        expect(found[0].message).toContain("cannot be verified during preview");
        expect(found[0].message).toContain("set minSize from a plain number");
    });

    describe("config", () => {
        it("takes a higher minimum: 3 fails every region of the default stack", async () => {
            const found = of(await evaluate(topology(), { [POLICY]: { minFullNodes: 3 } }), POLICY);
            expect(found.map((d) => d.message.split(" ")[0]).sort()).toEqual([
                "ap-south-1",
                "eu-west-1",
                "us-east-1",
                "us-west-2",
            ]);
            expect(found[0].message).toContain("at least 3 are required");
        });

        it("takes a lower minimum: 1 lets a single full node pass", async () => {
            const resources = topology({ "eu-west-1": { validators: ["a"], fullNodes: 1 } });
            expect(of(await evaluate(resources, { [POLICY]: { minFullNodes: 1 } }), POLICY)).toEqual([]);
        });

        it("can be disabled or lowered to advisory", async () => {
            const resources = topology({ "eu-west-1": { validators: ["a"], fullNodes: 0 } });
            expect(of(await evaluate(resources, { [POLICY]: "disabled" }), POLICY)).toEqual([]);
            const advisory = of(await evaluate(resources, { [POLICY]: { enforcementLevel: "advisory" } }), POLICY);
            expect(advisory.map((d) => d.enforcementLevel)).toEqual(["advisory"]);
        });

        it("rejects a minimum below 1 or not an integer", async () => {
            for (const minFullNodes of [0, 1.5]) {
                const bad = await runPolicyPack(topology(), {
                    config: { [POLICY]: { minFullNodes } },
                    source: "x.json",
                });
                expect(bad.ok).toBe(false);
                if (!bad.ok)
                    expect(bad.problems).toEqual([
                        expect.stringMatching(/^x\.json: min-full-nodes-per-region\.minFullNodes: /),
                    ]);
            }
        });
    });
});
