import type { RecordedResource } from "../../tools/harness/run-program";
import { policiesIn } from "./pack";
import { evaluateWithStackConfig, stackResources } from "./stack-run";

/*
 * The real production program, recorded in a preview, against the pack with
 * production's policy config: clean as it is, and each single mutation a
 * reviewer must never let through is refused by the policy named for it.
 */

let resources: RecordedResource[];
beforeAll(async () => {
    resources = await stackResources("production");
});

/** A deep copy of the recorded stack with `change` applied. */
function mutated(change: (copy: RecordedResource[]) => void): RecordedResource[] {
    const copy = structuredClone(resources);
    change(copy);
    return copy;
}

const validators = (rs: RecordedResource[], region?: string) =>
    rs.filter(
        (r) =>
            r.type === "aws:ec2/instance:Instance" &&
            (r.inputs.tags as Record<string, string>)["virtengine:role"] === "validator" &&
            (region === undefined || r.providerRegion === region),
    );

const mandatoryPolicies = async (rs: RecordedResource[]) =>
    policiesIn((await evaluateWithStackConfig("production", rs)).filter((d) => d.enforcementLevel === "mandatory"));

describe("the production stack against the pack", () => {
    it("has no violations at all with production's config", async () => {
        expect(await evaluateWithStackConfig("production", resources)).toEqual([]);
    });

    it("three validators in one region: validator-region-cap", async () => {
        // AWS provider v7 lets a resource name its own region; move one eu-west-1 validator to us-east-1.
        const rs = mutated((copy) => {
            validators(copy, "eu-west-1")[0].inputs.region = "us-east-1";
        });
        expect(await mandatoryPolicies(rs)).toEqual(["validator-region-cap"]);
    });

    it("a region with one zone: min-two-azs", async () => {
        const rs = mutated((copy) => {
            for (const r of copy.filter((x) => x.providerRegion === "ap-south-1")) {
                if (typeof r.inputs.availabilityZone === "string") r.inputs.availabilityZone = "ap-south-1a";
            }
        });
        expect(await mandatoryPolicies(rs)).toEqual(["min-two-azs"]);
    });

    it("a c6i validator: approved-instance-types", async () => {
        const rs = mutated((copy) => {
            validators(copy)[0].inputs.instanceType = "c6i.2xlarge";
        });
        expect(await mandatoryPolicies(rs)).toEqual(["approved-instance-types"]);
    });

    it("an unencrypted volume: encrypted-volumes", async () => {
        const rs = mutated((copy) => {
            const volume = copy.find((r) => r.type === "aws:ebs/volume:Volume");
            if (!volume) throw new Error("production has no EBS volume");
            volume.inputs.encrypted = false;
        });
        expect(await mandatoryPolicies(rs)).toEqual(["encrypted-volumes"]);
    });

    it("a validator with a public IP: validators-private", async () => {
        const rs = mutated((copy) => {
            validators(copy)[0].inputs.associatePublicIpAddress = true;
        });
        expect(await mandatoryPolicies(rs)).toEqual(["validators-private"]);
    });

    it("an unprotected validator: protect-stateful, mandatory in production", async () => {
        const rs = mutated((copy) => {
            validators(copy)[0].protect = false;
        });
        expect(await mandatoryPolicies(rs)).toEqual(["protect-stateful"]);
    });

    it("an HPA added on provider-daemon next to its ScaledObject: single-scaling-owner", async () => {
        const rs = mutated((copy) => {
            const hpa = copy.find((r) => r.type === "kubernetes:autoscaling/v2:HorizontalPodAutoscaler")!;
            const extra = structuredClone(hpa);
            extra.urn = `${hpa.urn}-on-provider-daemon`;
            extra.name = `${hpa.name}-on-provider-daemon`;
            extra.inputs.metadata = { name: "provider-daemon", namespace: "virtengine" };
            (extra.inputs.spec as { scaleTargetRef: { name: string } }).scaleTargetRef.name = "provider-daemon";
            copy.push(extra);
        });
        expect(await mandatoryPolicies(rs)).toEqual(["single-scaling-owner"]);
    });

    it("a five-field CronHPA schedule: single-scaling-owner", async () => {
        const rs = mutated((copy) => {
            const cron = copy.find((r) => r.type.endsWith(":CronHorizontalPodAutoscaler"))!;
            (cron.inputs.spec as { jobs: { schedule: string }[] }).jobs[0].schedule = "0 8 * * 1-5";
        });
        expect(await mandatoryPolicies(rs)).toEqual(["single-scaling-owner"]);
    });

    it("a t3 node group: approved-instance-types", async () => {
        const rs = mutated((copy) => {
            copy.find((r) => r.type === "aws:eks/nodeGroup:NodeGroup")!.inputs.instanceTypes = ["t3.large"];
        });
        expect(await mandatoryPolicies(rs)).toEqual(["approved-instance-types"]);
    });

    it("an unpinned chart: pinned-versions", async () => {
        const rs = mutated((copy) => {
            delete copy.find((r) => r.type === "kubernetes:helm.sh/v3:Release")!.inputs.version;
        });
        expect(await mandatoryPolicies(rs)).toEqual(["pinned-versions"]);
    });

    it("a Kubernetes node launch template allowing IMDSv1: imdsv2-required", async () => {
        const rs = mutated((copy) => {
            const template = copy.find(
                (r) =>
                    r.type === "aws:ec2/launchTemplate:LaunchTemplate" &&
                    (r.inputs.tags as Record<string, string>)["virtengine:role"] === "kubernetes-node",
            )!;
            (template.inputs.metadataOptions as Record<string, unknown>).httpTokens = "optional";
        });
        expect(await mandatoryPolicies(rs)).toEqual(["imdsv2-required"]);
    });

    it("a node group in one zone: min-two-azs", async () => {
        const rs = mutated((copy) => {
            const group = copy.find((r) => r.type === "aws:eks/nodeGroup:NodeGroup")!;
            group.propertyDependencies.subnetIds = group.propertyDependencies.subnetIds.slice(0, 1);
        });
        expect(await mandatoryPolicies(rs)).toEqual(["min-two-azs"]);
    });

    it("a validator launched by an Auto Scaling group: validator-safe-replacement", async () => {
        const rs = mutated((copy) => {
            const template = copy.find(
                (r) => r.type === "aws:ec2/launchTemplate:LaunchTemplate" && r.providerRegion === "eu-west-1",
            );
            if (!template) throw new Error("production has no launch template in eu-west-1");
            template.inputs.tags = {
                ...(template.inputs.tags as Record<string, string>),
                "virtengine:role": "validator",
            };
        });
        expect(await mandatoryPolicies(rs)).toContain("validator-safe-replacement");
    });

    it("a backup selection of validator instances: validator-safe-replacement", async () => {
        const rs = mutated((copy) => {
            const selection = copy.find((r) => r.type === "aws:backup/selection:Selection");
            if (!selection) throw new Error("production has no backup selection");
            selection.inputs.resources = ["arn:aws:ec2:*:*:instance/*"];
            selection.inputs.selectionTags = [{ type: "STRINGEQUALS", key: "virtengine:role", value: "validator" }];
        });
        expect(await mandatoryPolicies(rs)).toEqual(["validator-safe-replacement"]);
    });

    it("a validator that would be replaced by a new image: validator-safe-replacement", async () => {
        const rs = mutated((copy) => {
            validators(copy)[0].ignoreChanges = [];
        });
        expect(await mandatoryPolicies(rs)).toEqual(["validator-safe-replacement"]);
    });

    // The edge: each mutation a reviewer must not let through, refused by its own policy.
    const one = (rs: RecordedResource[], type: string, nameEnd: string) => {
        const found = rs.filter((r) => r.type === type && r.name.endsWith(nameEnd));
        if (found.length === 0) throw new Error(`production has no ${type} named *${nameEnd}`);
        return found[0];
    };

    it("an HTTP listener that forwards: edge-tls", async () => {
        const rs = mutated((copy) => {
            const http = one(copy, "aws:lb/listener:Listener", "us-east-1-edge-alb-http");
            const https = one(copy, "aws:lb/listener:Listener", "us-east-1-edge-alb-https");
            http.inputs.defaultActions = https.inputs.defaultActions;
        });
        expect(await mandatoryPolicies(rs)).toEqual(["edge-tls"]);
    });

    it("an HTTPS listener on the API's default policy: edge-tls", async () => {
        const rs = mutated((copy) => {
            delete one(copy, "aws:lb/listener:Listener", "eu-west-1-edge-alb-https").inputs.sslPolicy;
        });
        expect(await mandatoryPolicies(rs)).toEqual(["edge-tls"]);
    });

    it("an ALB without WAF: public-alb-protected", async () => {
        const rs = mutated((copy) => {
            const association = one(
                copy,
                "aws:wafv2/webAclAssociation:WebAclAssociation",
                "ap-south-1-edge-waf-association",
            );
            copy.splice(copy.indexOf(association), 1);
        });
        expect(await mandatoryPolicies(rs)).toEqual(["public-alb-protected"]);
    });

    it("a geolocation set without *: dns-routing-consistent", async () => {
        const rs = mutated((copy) => {
            copy.splice(copy.indexOf(one(copy, "aws:route53/record:Record", "-record-api-default")), 1);
        });
        expect(await mandatoryPolicies(rs)).toEqual(["dns-routing-consistent"]);
    });

    it("a load balancer in one zone: min-two-azs", async () => {
        const rs = mutated((copy) => {
            const nlb = one(copy, "aws:lb/loadBalancer:LoadBalancer", "us-west-2-edge-nlb");
            nlb.inputs.subnets = (nlb.inputs.subnets as unknown[]).slice(0, 1);
            nlb.propertyDependencies.subnets = nlb.propertyDependencies.subnets.slice(0, 1);
        });
        expect(await mandatoryPolicies(rs)).toEqual(["min-two-azs"]);
    });
});
