import { UNKNOWN } from "../../tools/harness/run-program";
import { Inventory, runStack, T } from "../helpers/stack-run";

// `pulumi up` mode: outputs are known, so values computed from other resources
// (subnet ids, key ARNs, rendered policies) reach their consumers.
let inv: Inventory;
beforeAll(async () => {
    inv = new Inventory(await runStack("production", { preview: false }));
});

describe("update mode", () => {
    // The resource-by-resource comparison with a preview is preview-update-parity.test.ts.
    it("runs as an update, not a preview, and still records every validator instance", () => {
        expect(inv.run.preview).toBe(false);
        expect(inv.ofType(T.instance)).toHaveLength(7);
    });

    it("resolves cross-resource values", () => {
        for (const v of inv.ofType(T.volume)) expect(v.inputs.kmsKeyId).toMatch(/^arn:aws:kms:/);
        for (const i of inv.ofType(T.instance)) {
            expect(i.inputs.subnetId).not.toBe(UNKNOWN);
            expect(i.inputs.ami).toBe("ami-0123456789abcdef0");
        }
    });

    it("renders the EBS key policy with the account's Auto Scaling service-linked role", () => {
        const ebsKeys = inv.ofType(T.kmsKey).filter((k) => k.name.endsWith("-ebs-key"));
        expect(ebsKeys).toHaveLength(4);
        for (const key of ebsKeys) {
            const policy = JSON.parse(key.inputs.policy as string);
            const principals = policy.Statement.map((s: { Principal: { AWS: string } }) => s.Principal.AWS);
            expect(principals).toContain("arn:aws:iam::123456789012:root");
            expect(principals).toContain(
                "arn:aws:iam::123456789012:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling",
            );
        }
    });

    it("scopes the flow-log role to its own log group", () => {
        for (const policy of inv.ofType("aws:iam/rolePolicy:RolePolicy").filter((p) => p.name.includes("flow-logs"))) {
            const doc = JSON.parse(policy.inputs.policy as string);
            for (const statement of doc.Statement) {
                for (const resource of statement.Resource)
                    expect(resource).toMatch(/^arn:aws:logs:[a-z0-9-]+:123456789012:.*flow-logs/);
            }
        }
    });
});

describe("api-gateway behind each region's ALB", () => {
    const named = (name: string) => inv.run.resources.find((r) => r.name === name)!;
    it("joins each region's EKS nodes to its ALB's api-gateway group and points api-gateway at its internal REST", () => {
        const regions = ["us-east-1", "eu-west-1", "ap-south-1", "us-west-2"];
        for (const region of regions) {
            const attachment = named(`${region}-kubernetes-workers-api-gateway-attachment`);
            expect(attachment.inputs.autoscalingGroupName).toMatch(/^eks-.+-[0-9a-f-]{36}$/);
            expect(attachment.inputs.lbTargetGroupArn).toMatch(/^arn:aws:elasticloadbalancing:/);
            expect(attachment.propertyDependencies.lbTargetGroupArn).toEqual([named(`${region}-edge-api`).urn]);
            const gateway = named(`${region}-kubernetes-workloads-api-gateway`);
            const env = (gateway.inputs.spec as any).template.spec.containers[0].env; // eslint-disable-line @typescript-eslint/no-explicit-any
            expect(env).toContainEqual({
                name: "REST_UPSTREAM",
                value: expect.stringMatching(
                    new RegExp(`^http://internal-[^.]+\\.elb\\.${region}\\.amazonaws\\.com:1317$`),
                ),
            });
        }
    });
});

describe("flow-log role trust", () => {
    it("lets only this account's flow logs assume it", () => {
        const roles = inv.ofType("aws:iam/role:Role").filter((r) => r.name.endsWith("-flow-logs-role"));
        expect(roles).toHaveLength(4);
        for (const role of roles) {
            const [statement] = JSON.parse(role.inputs.assumeRolePolicy as string).Statement;
            expect(statement.Principal).toEqual({ Service: "vpc-flow-logs.amazonaws.com" });
            expect(statement.Condition).toEqual({ StringEquals: { "aws:SourceAccount": "123456789012" } });
        }
    });
});
