import * as path from "node:path";
import { runProgram } from "../../tools/harness/run-program";
import { Inventory } from "../helpers/stack-run";

// The same program as regional-edge.test.ts in update mode (outputs known, as
// in `pulumi up`): values computed from other resources reach their consumers.
let inv: Inventory;
beforeAll(async () => {
    inv = new Inventory(
        await runProgram({
            project: "virtengine",
            stack: "staging",
            config: { "test:production": "false" },
            preview: false,
            program: path.join(__dirname, "programs/regional-edge.ts"),
        }),
    );
});

const named = (name: string) => inv.run.resources.find((r) => r.name === name)!;

describe("regional edge in update mode", () => {
    it("validates each name with the record ACM asked for, and lists it on both regions' validations", () => {
        const rpc = named("dns-validation-rpc-example-network");
        expect(rpc.inputs).toMatchObject({
            type: "CNAME",
            ttl: 300,
            name: expect.stringMatching(/^_[0-9a-f]+\.rpc\.example\.network\.$/),
        });
        for (const region of ["us-east-1", "eu-west-1"]) {
            const fqdns = named(`${region}-edge-certificate-validation`).inputs.validationRecordFqdns as string[];
            expect(fqdns).toHaveLength(3);
            expect(fqdns).toContain(String(rpc.inputs.name).replace(/\.$/, ""));
        }
    });

    it("scales on the RPC target group behind this ALB", () => {
        const policy = named("us-east-1-edge-scale-on-requests");
        const label = (
            policy.inputs.targetTrackingConfiguration as { predefinedMetricSpecification: { resourceLabel: string } }
        ).predefinedMetricSpecification.resourceLabel;
        expect(label).toMatch(/^app\/[^/]+\/[0-9a-f]+\/targetgroup\/us-east-1-edge-rpc[^/]*\/[0-9a-f]+$/);
    });

    it("lets the region's ELB account write ALB logs and the log delivery service write NLB logs", () => {
        const policy = (region: string) =>
            JSON.parse(named(`${region}-edge-access-logs-policy`).inputs.policy as string);
        const east = policy("us-east-1").Statement;
        expect(east[0]).toMatchObject({ Principal: { AWS: "arn:aws:iam::127311923021:root" }, Action: "s3:PutObject" });
        expect(east[0].Resource).toMatch(/\/alb\/AWSLogs\/123456789012\/\*$/);
        expect(east[1].Principal).toEqual({ Service: "delivery.logs.amazonaws.com" });
        expect(policy("eu-west-1").Statement[0].Principal).toEqual({ AWS: "arn:aws:iam::156460612806:root" });
    });

    it("leaves staging's load balancers and bucket deletable", () => {
        expect(named("us-east-1-edge-alb").inputs.enableDeletionProtection).toBe(false);
        expect(named("us-east-1-edge-access-logs-bucket").protect).toBe(false);
        expect(named("dns-zone").protect).toBe(false);
    });
});
