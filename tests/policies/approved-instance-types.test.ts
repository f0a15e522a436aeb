import { runPolicyPack } from "../../tools/harness/policy/evaluate";
import { UNKNOWN, type RecordedResource } from "../../tools/harness/run-program";
import { find, inRegion, resource, topology } from "./fixtures";
import { evaluate, messagesOf, of } from "./pack";

const POLICY = "approved-instance-types";

/** The default stack plus one resource in us-east-1. */
function withResource(type: string, name: string, inputs: Record<string, unknown>): RecordedResource[] {
    const resources = topology();
    resources.push(resource(type, name, inputs, inRegion(resources, "us-east-1")));
    return resources;
}

const messages = (resources: RecordedResource[], config?: unknown) => messagesOf(POLICY, resources, config);

describe("approved-instance-types", () => {
    it("passes r6i validators and full nodes", async () => {
        expect(of(await evaluate(topology()), POLICY)).toEqual([]);
    });

    describe("validators and full nodes", () => {
        it("fails a c6i validator, naming it, the type and the allowed families", async () => {
            const resources = topology({ "us-east-1": { validators: [{ zone: "a", instanceType: "c6i.2xlarge" }] } });
            const found = of(await evaluate(resources), POLICY);
            expect(found).toHaveLength(1);
            expect(found[0].enforcementLevel).toBe("mandatory");
            expect(found[0].urn).toContain("us-east-1-validator-0");
            expect(found[0].message).toBe(
                "instance us-east-1-validator-0-us-east-1a (validator) uses c6i.2xlarge (family c6i); " +
                    "validators and full nodes must use r6i. Set instanceType to a type of that family, " +
                    "or add c6i to nodeFamilies in the policy config.",
            );
        });

        it("compares the family, not the size: r6i.metal passes, r6id (another family) fails", async () => {
            const ok = topology({ "us-east-1": { validators: [{ zone: "a", instanceType: "r6i.metal" }] } });
            expect(await messages(ok)).toEqual([]);
            const other = topology({ "us-east-1": { validators: [{ zone: "a", instanceType: "r6id.2xlarge" }] } });
            expect(await messages(other)).toEqual([expect.stringContaining("uses r6id.2xlarge (family r6id)")]);
        });

        it("fails a full-node launch template on m6i (a Kubernetes family)", async () => {
            const resources = topology();
            find(resources, "eu-west-1-full-node").inputs.instanceType = "m6i.xlarge";
            expect(await messages(resources)).toEqual([
                expect.stringMatching(/^launch template eu-west-1-full-node \(full node\) uses m6i\.xlarge/),
            ]);
        });

        it("fails a full-node instance and a full-node group's mixed-instances override", async () => {
            const instance = withResource("aws:ec2/instance:Instance", "sentry", {
                instanceType: "t3.large",
                tags: { "virtengine:role": "full-node" },
            });
            expect(await messages(instance)).toEqual([
                expect.stringContaining("instance sentry (full node) uses t3.large"),
            ]);

            const group = topology();
            find(group, "us-east-1-full-node-asg").inputs.mixedInstancesPolicy = {
                launchTemplate: { overrides: [{ instanceType: "r6i.xlarge" }, { instanceType: "c6i.xlarge" }] },
            };
            expect(await messages(group)).toEqual([
                expect.stringContaining("Auto Scaling group us-east-1-full-node-asg (full node) uses c6i.xlarge"),
            ]);
        });

        it("says a validator type unknown in the preview cannot be verified", async () => {
            const resources = topology({ "us-east-1": { validators: [{ zone: "a", instanceType: UNKNOWN }] } });
            expect(await messages(resources)).toEqual([
                expect.stringContaining(
                    "its instance type cannot be verified during preview: instanceType is not known",
                ),
            ]);
        });

        it("has no rule for untagged instances", async () => {
            const resources = withResource("aws:ec2/instance:Instance", "bastion", { instanceType: "t3.micro" });
            expect(await messages(resources)).toEqual([]);
        });
    });

    describe("Kubernetes nodes", () => {
        const nodeGroup = (inputs: Record<string, unknown>) =>
            withResource("aws:eks/nodeGroup:NodeGroup", "us-east-1-provider-daemons", inputs);

        it("passes an m6i EKS node group and fails an r6i one", async () => {
            expect(await messages(nodeGroup({ instanceTypes: ["m6i.xlarge", "m6i.2xlarge"] }))).toEqual([]);
            expect(await messages(nodeGroup({ instanceTypes: ["m6i.xlarge", "r6i.xlarge"] }))).toEqual([
                "EKS node group us-east-1-provider-daemons (Kubernetes node) uses r6i.xlarge (family r6i); " +
                    "Kubernetes nodes must use m6i. Set instanceTypes to a type of that family, " +
                    "or add r6i to kubernetesFamilies in the policy config.",
            ]);
        });

        it("fails a node group with neither instanceTypes nor a launch template (EKS would pick t3.medium)", async () => {
            expect(await messages(nodeGroup({}))).toEqual([expect.stringContaining("so EKS launches t3.medium")]);
            expect(await messages(nodeGroup({ launchTemplate: { id: UNKNOWN, version: "1" } }))).toEqual([]);
        });

        it.each([
            ["role kubernetes-node", { tags: { "virtengine:role": "kubernetes-node" } }],
            ["role provider-daemon", { tags: { "virtengine:role": "provider-daemon" } }],
            ["an eks:cluster-name tag", { tags: { "eks:cluster-name": "us-east-1" } }],
            [
                "a kubernetes.io/cluster/* tag on the instances it launches",
                { tagSpecifications: [{ resourceType: "instance", tags: { "kubernetes.io/cluster/x": "owned" } }] },
            ],
        ])("treats a launch template with %s as a Kubernetes node", async (_, marker) => {
            const name = "us-east-1-eks-nodes";
            const type = "aws:ec2/launchTemplate:LaunchTemplate";
            expect(await messages(withResource(type, name, { instanceType: "m6i.large", ...marker }))).toEqual([]);
            expect(await messages(withResource(type, name, { instanceType: "c6i.large", ...marker }))).toEqual([
                expect.stringMatching(/^launch template us-east-1-eks-nodes \(Kubernetes node\) uses c6i\.large .*m6i/),
            ]);
        });
    });

    describe("config", () => {
        it("takes other families", async () => {
            const r7i = topology({ "us-east-1": { validators: [{ zone: "a", instanceType: "r7i.2xlarge" }] } });
            expect(await messages(r7i)).toHaveLength(1);
            expect(await messages(r7i, { [POLICY]: { nodeFamilies: ["r6i", "r7i"] } })).toEqual([]);
            const group = withResource("aws:eks/nodeGroup:NodeGroup", "ng", { instanceTypes: ["m7i.large"] });
            expect(await messages(group, { [POLICY]: { kubernetesFamilies: ["m7i"] } })).toEqual([]);
        });

        it("can be disabled or lowered to advisory", async () => {
            const c6i = topology({ "us-east-1": { validators: [{ zone: "a", instanceType: "c6i.2xlarge" }] } });
            expect(of(await evaluate(c6i, { [POLICY]: "disabled" }), POLICY)).toEqual([]);
            const found = of(await evaluate(c6i, { [POLICY]: "advisory" }), POLICY);
            expect(found.map((d) => d.enforcementLevel)).toEqual(["advisory"]);
        });

        it("rejects a size where a family belongs, and an empty list", async () => {
            const bad = await runPolicyPack(topology(), {
                config: { [POLICY]: { nodeFamilies: ["r6i.2xlarge"], kubernetesFamilies: [] } },
                source: "x.json",
            });
            expect(bad.ok).toBe(false);
            if (bad.ok) return;
            expect(bad.problems).toHaveLength(2);
            expect(bad.problems).toEqual(
                expect.arrayContaining([
                    expect.stringMatching(/^x\.json: approved-instance-types\.nodeFamilies\.0: must match pattern/),
                    expect.stringMatching(/^x\.json: approved-instance-types\.kubernetesFamilies: must NOT have fewer/),
                ]),
            );
        });
    });
});
