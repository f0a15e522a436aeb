import type { PolicyDiagnostic } from "../../tools/harness/policy/evaluate";
import type { RecordedResource } from "../../tools/harness/run-program";
import {
    applyBatch,
    isBlamed,
    type Mutation,
    packBatches,
    type PlannedMutation,
    planMutation,
    unexplained,
} from "./mutation-batches";
import { evaluateWithStackConfig, stackResources } from "./stack-run";

/*
 * The real production program, recorded in a preview, against the pack with
 * production's policy config: clean as it is, and each single mutation a
 * reviewer must never let through is refused by the policy named for it.
 * Mutations that touch different resources and trip different policies share
 * one analyzer run (see mutation-batches.ts); each test asserts its own.
 */

const validators = (rs: RecordedResource[], region?: string) =>
    rs.filter(
        (r) =>
            r.type === "aws:ec2/instance:Instance" &&
            (r.inputs.tags as Record<string, string>)["virtengine:role"] === "validator" &&
            (region === undefined || r.providerRegion === region),
    );

const one = (rs: RecordedResource[], type: string, nameEnd: string) => {
    const found = rs.filter((r) => r.type === type && r.name.endsWith(nameEnd));
    if (found.length === 0) throw new Error(`production has no ${type} named *${nameEnd}`);
    return found[0];
};

const MUTATIONS: Mutation[] = [
    {
        title: "three validators in one region: validator-region-cap",
        policy: "validator-region-cap",
        // AWS provider v7 lets a resource name its own region; move one eu-west-1 validator to us-east-1.
        change: (copy) => {
            validators(copy, "eu-west-1")[0].inputs.region = "us-east-1";
        },
        // A share of the whole chain: filed under no one resource.
        blame: () => "stack",
    },
    {
        title: "a region with one zone: min-two-azs",
        policy: "min-two-azs",
        change: (copy) => {
            for (const r of copy.filter((x) => x.providerRegion === "ap-south-1")) {
                if (typeof r.inputs.availabilityZone === "string") r.inputs.availabilityZone = "ap-south-1a";
            }
        },
        // Every multi-zone thing in the region is now in one zone: validators, load balancers, groups, the VPC.
        blame: (copy) => copy.filter((r) => r.providerRegion === "ap-south-1").map((r) => r.urn),
    },
    {
        title: "a c6i validator: approved-instance-types",
        policy: "approved-instance-types",
        change: (copy) => {
            validators(copy, "us-east-1")[0].inputs.instanceType = "c6i.2xlarge";
        },
    },
    {
        title: "an unencrypted volume: encrypted-volumes",
        policy: "encrypted-volumes",
        change: (copy) => {
            const volume = copy.find((r) => r.type === "aws:ebs/volume:Volume");
            if (!volume) throw new Error("production has no EBS volume");
            volume.inputs.encrypted = false;
        },
    },
    {
        title: "a validator with a public IP: validators-private",
        policy: "validators-private",
        change: (copy) => {
            validators(copy, "us-east-1")[1].inputs.associatePublicIpAddress = true;
        },
    },
    {
        title: "an unprotected validator: protect-stateful, mandatory in production",
        policy: "protect-stateful",
        change: (copy) => {
            validators(copy, "us-west-2")[0].protect = false;
        },
    },
    {
        title: "an HPA added on provider-daemon next to its ScaledObject: single-scaling-owner",
        policy: "single-scaling-owner",
        change: (copy) => {
            const hpa = copy.find((r) => r.type === "kubernetes:autoscaling/v2:HorizontalPodAutoscaler")!;
            const extra = structuredClone(hpa);
            extra.urn = `${hpa.urn}-on-provider-daemon`;
            extra.name = `${hpa.name}-on-provider-daemon`;
            extra.inputs.metadata = { name: "provider-daemon", namespace: "virtengine" };
            (extra.inputs.spec as { scaleTargetRef: { name: string } }).scaleTargetRef.name = "provider-daemon";
            copy.push(extra);
        },
    },
    {
        title: "a five-field CronHPA schedule: single-scaling-owner",
        policy: "single-scaling-owner",
        change: (copy) => {
            const cron = copy.find((r) => r.type.endsWith(":CronHorizontalPodAutoscaler"))!;
            (cron.inputs.spec as { jobs: { schedule: string }[] }).jobs[0].schedule = "0 8 * * 1-5";
        },
    },
    {
        title: "a t3 node group: approved-instance-types",
        policy: "approved-instance-types",
        change: (copy) => {
            copy.find((r) => r.type === "aws:eks/nodeGroup:NodeGroup")!.inputs.instanceTypes = ["t3.large"];
        },
    },
    {
        title: "an unpinned chart: pinned-versions",
        policy: "pinned-versions",
        change: (copy) => {
            delete copy.find((r) => r.type === "kubernetes:helm.sh/v3:Release")!.inputs.version;
        },
    },
    {
        title: "a Kubernetes node launch template allowing IMDSv1: imdsv2-required",
        policy: "imdsv2-required",
        change: (copy) => {
            const template = copy.find(
                (r) =>
                    r.type === "aws:ec2/launchTemplate:LaunchTemplate" &&
                    (r.inputs.tags as Record<string, string>)["virtengine:role"] === "kubernetes-node",
            )!;
            (template.inputs.metadataOptions as Record<string, unknown>).httpTokens = "optional";
        },
    },
    {
        title: "a node group in one zone: min-two-azs",
        policy: "min-two-azs",
        change: (copy) => {
            const group = copy.find((r) => r.type === "aws:eks/nodeGroup:NodeGroup")!;
            group.propertyDependencies.subnetIds = group.propertyDependencies.subnetIds.slice(0, 1);
        },
    },
    {
        title: "a validator launched by an Auto Scaling group: validator-safe-replacement",
        policy: "validator-safe-replacement",
        // A validator's launch template must also hold the instance metadata hop limit to 1.
        alsoTrips: ["imdsv2-required"],
        change: (copy) => {
            const template = copy.find(
                (r) => r.type === "aws:ec2/launchTemplate:LaunchTemplate" && r.providerRegion === "eu-west-1",
            );
            if (!template) throw new Error("production has no launch template in eu-west-1");
            template.inputs.tags = {
                ...(template.inputs.tags as Record<string, string>),
                "virtengine:role": "validator",
            };
        },
    },
    {
        title: "a backup selection of validator instances: validator-safe-replacement",
        policy: "validator-safe-replacement",
        change: (copy) => {
            const selection = copy.find((r) => r.type === "aws:backup/selection:Selection");
            if (!selection) throw new Error("production has no backup selection");
            selection.inputs.resources = ["arn:aws:ec2:*:*:instance/*"];
            selection.inputs.selectionTags = [{ type: "STRINGEQUALS", key: "virtengine:role", value: "validator" }];
        },
    },
    {
        title: "a validator that would be replaced by a new image: validator-safe-replacement",
        policy: "validator-safe-replacement",
        change: (copy) => {
            validators(copy, "eu-west-1")[1].ignoreChanges = [];
        },
    },
    // The edge: each mutation a reviewer must not let through, refused by its own policy.
    {
        title: "an HTTP listener that forwards: edge-tls",
        policy: "edge-tls",
        change: (copy) => {
            const http = one(copy, "aws:lb/listener:Listener", "us-east-1-edge-alb-http");
            const https = one(copy, "aws:lb/listener:Listener", "us-east-1-edge-alb-https");
            http.inputs.defaultActions = https.inputs.defaultActions;
        },
    },
    {
        title: "an HTTPS listener on the API's default policy: edge-tls",
        policy: "edge-tls",
        change: (copy) => {
            delete one(copy, "aws:lb/listener:Listener", "eu-west-1-edge-alb-https").inputs.sslPolicy;
        },
    },
    {
        title: "an ALB without WAF: public-alb-protected",
        policy: "public-alb-protected",
        change: (copy) => {
            const association = one(
                copy,
                "aws:wafv2/webAclAssociation:WebAclAssociation",
                "ap-south-1-edge-waf-association",
            );
            copy.splice(copy.indexOf(association), 1);
        },
        // The finding is the load balancer's: it is the one left unprotected.
        blame: (copy) => [one(copy, "aws:lb/loadBalancer:LoadBalancer", "ap-south-1-edge-alb").urn],
    },
    {
        title: "a geolocation set without *: dns-routing-consistent",
        policy: "dns-routing-consistent",
        change: (copy) => {
            copy.splice(copy.indexOf(one(copy, "aws:route53/record:Record", "-record-api-default")), 1);
        },
        // Filed under the records left in the set.
        blame: (copy) =>
            copy
                .filter((r) => r.type === "aws:route53/record:Record" && r.name.includes("-record-api-"))
                .map((r) => r.urn),
    },
    {
        title: "a load balancer in one zone: min-two-azs",
        policy: "min-two-azs",
        change: (copy) => {
            const nlb = one(copy, "aws:lb/loadBalancer:LoadBalancer", "us-west-2-edge-nlb");
            nlb.inputs.subnets = (nlb.inputs.subnets as unknown[]).slice(0, 1);
            nlb.propertyDependencies.subnets = nlb.propertyDependencies.subnets.slice(0, 1);
        },
    },
];

let resources: RecordedResource[];
let planned: Map<Mutation, { batch: PlannedMutation[]; self: PlannedMutation }>;
/** Mutations that could not be applied (a resource they change is gone): their own tests fail, not the others'. */
const unappliable = new Map<Mutation, unknown>();
beforeAll(async () => {
    resources = await stackResources("production");
    const applied = MUTATIONS.flatMap((m) => {
        try {
            return [planMutation(resources, m)];
        } catch (err) {
            unappliable.set(m, err);
            return [];
        }
    });
    const batches = packBatches(applied);
    planned = new Map(batches.flatMap((batch) => batch.map((self) => [self.mutation, { batch, self }] as const)));
});

/** One analyzer run per batch, started by the first of its tests to ask. */
const runs = new Map<PlannedMutation[], Promise<PolicyDiagnostic[]>>();
function findingsOf(batch: PlannedMutation[]): Promise<PolicyDiagnostic[]> {
    let run = runs.get(batch);
    if (!run) {
        run = Promise.resolve().then(() => evaluateWithStackConfig("production", applyBatch(resources, batch)));
        runs.set(batch, run);
    }
    return run;
}

describe("the production stack against the pack", () => {
    it("has no violations at all with production's config", async () => {
        expect(await evaluateWithStackConfig("production", resources)).toEqual([]);
    });

    it.each(MUTATIONS.map((m) => [m.title, m] as const))("%s", async (_, mutation) => {
        if (unappliable.has(mutation)) throw unappliable.get(mutation);
        const { batch, self } = planned.get(mutation)!;
        const mandatory = (await findingsOf(batch)).filter((d) => d.enforcementLevel === "mandatory");
        const own = mandatory.filter((d) => d.policy === mutation.policy);
        // The policy refuses the change, where the change is...
        expect(own.length).toBeGreaterThan(0);
        expect(own.filter((d) => !isBlamed(self, d))).toEqual([]);
        // ...and nothing in the run is left that one of its changes does not account for.
        expect(unexplained(batch, mandatory)).toEqual([]);
    });
});
