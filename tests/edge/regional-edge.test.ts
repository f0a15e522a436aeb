import * as path from "node:path";
import { UNKNOWN, runProgram, type RecordedResource } from "../../tools/harness/run-program";
import { Inventory } from "../helpers/stack-run";

// One region's edge under preview-mode mocks (outputs unknown, as in a real
// preview), built beside a second region's to check what they share.
let inv: Inventory;
beforeAll(async () => {
    inv = new Inventory(
        await runProgram({
            project: "virtengine",
            stack: "production",
            config: { "test:production": "true" },
            preview: true,
            program: path.join(__dirname, "programs/regional-edge.ts"),
        }),
    );
});

const inRegion = (type: string, region: string) => inv.ofType(type).filter((r) => r.name.startsWith(`${region}-`));
const one = (type: string, region: string, suffix: string): RecordedResource => {
    const found = inRegion(type, region).filter((r) => r.name.endsWith(suffix));
    expect(found.map((r) => r.name)).toHaveLength(1);
    return found[0];
};
const LB = "aws:lb/loadBalancer:LoadBalancer";
const LISTENER = "aws:lb/listener:Listener";
const TG = "aws:lb/targetGroup:TargetGroup";

describe("certificate", () => {
    it("covers rpc, api and grpc with their wildcards, DNS-validated, in each region", () => {
        for (const region of ["us-east-1", "eu-west-1"]) {
            const cert = one("aws:acm/certificate:Certificate", region, "-certificate");
            expect(cert.providerRegion).toBe(region);
            expect(cert.inputs.validationMethod).toBe("DNS");
            expect([cert.inputs.domainName, ...(cert.inputs.subjectAlternativeNames as string[])].sort()).toEqual(
                [
                    "rpc.example.network",
                    "*.rpc.example.network",
                    "api.example.network",
                    "*.api.example.network",
                    "grpc.example.network",
                    "*.grpc.example.network",
                ].sort(),
            );
        }
    });

    it("creates each validation record once for both regions, in the global zone", () => {
        const records = inv.ofType("aws:route53/record:Record");
        expect(records.map((r) => r.name).sort()).toEqual([
            "dns-validation-api-example-network",
            "dns-validation-grpc-example-network",
            "dns-validation-rpc-example-network",
        ]);
        for (const r of records) expect(r.providerRegion).toBe("us-west-2");
        for (const region of ["us-east-1", "eu-west-1"]) {
            const validation = one("aws:acm/certificateValidation:CertificateValidation", region, "-validation");
            expect(
                inv
                    .dependencyOf(validation, "validationRecordFqdns")
                    .map((r) => r.name)
                    .sort(),
            ).toEqual(records.map((r) => r.name).sort());
        }
    });
});

describe("load balancers", () => {
    it("puts an internet-facing ALB over every public subnet, hardened", () => {
        const alb = one(LB, "us-east-1", "-alb");
        expect(alb.inputs).toMatchObject({
            loadBalancerType: "application",
            internal: false,
            dropInvalidHeaderFields: true,
            enableDeletionProtection: true,
            accessLogs: { enabled: true, prefix: "alb" },
        });
        expect(inv.dependencyOf(alb, "subnets").map((s) => s.inputs.availabilityZone)).toEqual([
            "us-east-1a",
            "us-east-1b",
        ]);
        expect(alb.inputs.securityGroups).toEqual(["sg-lb"]);
        // Creation fails with "Access Denied for bucket" unless the bucket policy exists first.
        expect(alb.dependencies.some((urn) => urn.includes("s3/bucketPolicy:BucketPolicy"))).toBe(true);
    });

    it("puts an NLB with security groups and cross-zone balancing in front of gRPC", () => {
        const nlb = one(LB, "us-east-1", "-edge-nlb");
        expect(nlb.inputs).toMatchObject({
            loadBalancerType: "network",
            internal: false,
            enableCrossZoneLoadBalancing: true,
            securityGroups: ["sg-lb"],
        });
    });

    it("serves HTTPS with the TLS 1.3 policy named, defaulting to RPC, and HTTP only as a redirect", () => {
        const https = one(LISTENER, "us-east-1", "-alb-https");
        expect(https.inputs).toMatchObject({
            port: 443,
            protocol: "HTTPS",
            sslPolicy: "ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09",
        });
        const [forward] = https.inputs.defaultActions as { type: string }[];
        expect(forward.type).toBe("forward");
        expect(inv.dependencyOf(https, "defaultActions").map((r) => r.name)).toEqual(["us-east-1-edge-rpc"]);
        // The listener waits for the validated certificate, not the pending one.
        expect(inv.dependencyOf(https, "certificateArn").map((r) => r.type)).toEqual([
            "aws:acm/certificateValidation:CertificateValidation",
        ]);

        const http = one(LISTENER, "us-east-1", "-alb-http");
        expect(http.inputs.defaultActions).toEqual([
            { type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } },
        ]);
    });

    it("sends api names to api-gateway by host", () => {
        const rule = one("aws:lb/listenerRule:ListenerRule", "us-east-1", "-alb-https-api");
        expect(rule.inputs.conditions).toEqual([
            { hostHeader: { values: ["api.example.network", "*.api.example.network"] } },
        ]);
        expect(inv.dependencyOf(rule, "actions").map((r) => r.name)).toEqual(["us-east-1-edge-api"]);
    });

    it("keeps REST off the internet: an internal NLB over the private subnets, TCP 1317, for api-gateway", () => {
        const nlb = one(LB, "us-east-1", "-internal-rest-nlb");
        expect(nlb.inputs).toMatchObject({
            loadBalancerType: "network",
            internal: true,
            subnets: ["subnet-private-a", "subnet-private-b"],
            securityGroups: ["sg-rest"],
            enableDeletionProtection: true,
        });
        const listener = one(LISTENER, "us-east-1", "-internal-rest-listener");
        expect(listener.inputs).toMatchObject({ port: 1317, protocol: "TCP" });
        expect(inv.dependencyOf(listener, "defaultActions").map((r) => r.name)).toEqual([
            "us-east-1-edge-internal-rest-targets",
        ]);
        // No public listener forwards to REST.
        for (const l of inRegion(LISTENER, "us-east-1").filter((l) => l !== listener)) {
            expect(inv.dependencyOf(l, "defaultActions").map((r) => r.name)).not.toContain(
                "us-east-1-edge-internal-rest-targets",
            );
        }
    });

    it("terminates TLS 9090 on the NLB with ALPN for gRPC", () => {
        const grpc = one(LISTENER, "us-east-1", "-nlb-grpc");
        expect(grpc.inputs).toMatchObject({
            port: 9090,
            protocol: "TLS",
            alpnPolicy: "HTTP2Preferred",
            sslPolicy: "ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09",
        });
    });
});

describe("targets and scaling", () => {
    it("uses instance target groups for RPC /health, gRPC, api-gateway's NodePort and internal REST", () => {
        const groups = Object.fromEntries(inRegion(TG, "us-east-1").map((g) => [g.name, g.inputs]));
        expect(Object.keys(groups).sort()).toEqual([
            "us-east-1-edge-api",
            "us-east-1-edge-grpc",
            "us-east-1-edge-internal-rest-targets",
            "us-east-1-edge-rpc",
        ]);
        for (const g of Object.values(groups)) expect(g.targetType).toBe("instance");
        expect(groups["us-east-1-edge-rpc"]).toMatchObject({
            port: 26657,
            protocol: "HTTP",
            healthCheck: { path: "/health", interval: 10, unhealthyThreshold: 3 },
        });
        expect(groups["us-east-1-edge-api"]).toMatchObject({
            port: 30080,
            protocol: "HTTP",
            healthCheck: { path: "/health", port: "traffic-port" },
        });
        expect(groups["us-east-1-edge-internal-rest-targets"]).toMatchObject({
            port: 1317,
            protocol: "TCP",
            healthCheck: { protocol: "HTTP", path: "/cosmos/base/tendermint/v1beta1/syncing" },
        });
        expect(groups["us-east-1-edge-grpc"]).toMatchObject({ port: 9090, protocol: "TCP" });
    });

    it("attaches the full nodes' target groups to the full-node group through attachments only", () => {
        // api-gateway's group is left to the EKS node group, which attaches itself (node-group.ts).
        const attachments = inRegion("aws:autoscaling/attachment:Attachment", "us-east-1");
        expect(attachments.flatMap((a) => inv.dependencyOf(a, "lbTargetGroupArn").map((g) => g.name)).sort()).toEqual([
            "us-east-1-edge-grpc",
            "us-east-1-edge-internal-rest-targets",
            "us-east-1-edge-rpc",
        ]);
        for (const a of attachments)
            expect(inv.dependencyOf(a, "autoscalingGroupName").map((g) => g.name)).toEqual(["us-east-1-full-node-asg"]);
        const group = inv.ofType("aws:autoscaling/group:Group").find((g) => g.name === "us-east-1-full-node-asg")!;
        expect(group.inputs.targetGroupArns).toBeUndefined();
    });

    it("scales the full-node group on requests per target (100/s) and CPU (70%)", () => {
        const requests = one("aws:autoscaling/policy:Policy", "us-east-1", "-scale-on-requests");
        expect(requests.inputs).toMatchObject({
            policyType: "TargetTrackingScaling",
            targetTrackingConfiguration: {
                predefinedMetricSpecification: {
                    predefinedMetricType: "ALBRequestCountPerTarget",
                    resourceLabel: UNKNOWN,
                },
                targetValue: 6000,
            },
        });
        expect(
            inv
                .dependencyOf(requests, "targetTrackingConfiguration")
                .map((r) => r.name)
                .sort(),
        ).toEqual(["us-east-1-edge-alb", "us-east-1-edge-rpc"]);
        const cpu = one("aws:autoscaling/policy:Policy", "us-east-1", "-scale-on-cpu");
        expect(cpu.inputs.targetTrackingConfiguration).toEqual({
            predefinedMetricSpecification: { predefinedMetricType: "ASGAverageCPUUtilization" },
            targetValue: 70,
        });
    });
});

describe("WAF", () => {
    it("blocks more than 2000 requests per IP in 5 minutes and runs the managed groups, counting the body-size rule", () => {
        const acl = one("aws:wafv2/webAcl:WebAcl", "us-east-1", "-waf-acl");
        expect(acl.inputs.scope).toBe("REGIONAL");
        const rules = acl.inputs.rules as Record<string, any>[]; // eslint-disable-line @typescript-eslint/no-explicit-any
        expect(rules[0]).toMatchObject({
            action: { block: {} },
            statement: { rateBasedStatement: { limit: 2000, evaluationWindowSec: 300, aggregateKeyType: "IP" } },
        });
        expect(rules[0].overrideAction).toBeUndefined();
        expect(rules.slice(1).map((r) => r.statement.managedRuleGroupStatement.name)).toEqual([
            "AWSManagedRulesAmazonIpReputationList",
            "AWSManagedRulesKnownBadInputsRuleSet",
            "AWSManagedRulesCommonRuleSet",
        ]);
        expect(rules[3].statement.managedRuleGroupStatement.ruleActionOverrides).toEqual([
            { name: "SizeRestrictions_BODY", actionToUse: { count: {} } },
        ]);
    });

    it("is associated with the ALB and logs to an aws-waf-logs- group", () => {
        const association = one("aws:wafv2/webAclAssociation:WebAclAssociation", "us-east-1", "-waf-association");
        expect(inv.dependencyOf(association, "resourceArn").map((r) => r.name)).toEqual(["us-east-1-edge-alb"]);
        const logs = one("aws:cloudwatch/logGroup:LogGroup", "us-east-1", "-waf-logs");
        expect(logs.inputs.name).toBe("aws-waf-logs-virtengine-test-us-east-1");
        const logging = one(
            "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration",
            "us-east-1",
            "-waf-logging",
        );
        expect(inv.dependencyOf(logging, "logDestinationConfigs").map((r) => r.name)).toEqual([logs.name]);
    });
});

describe("access-log bucket", () => {
    it("is SSE-S3, private, and protected in production", () => {
        const bucket = one("aws:s3/bucket:Bucket", "us-east-1", "-access-logs-bucket");
        expect(bucket.protect).toBe(true);
        expect(bucket.inputs.forceDestroy).toBe(false);
        const sse = one(
            "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
            "us-east-1",
            "-encryption",
        );
        expect(sse.inputs.rules).toEqual([{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }]);
        const block = one("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "us-east-1", "-public-access");
        expect(block.inputs).toMatchObject({
            blockPublicAcls: true,
            blockPublicPolicy: true,
            ignorePublicAcls: true,
            restrictPublicBuckets: true,
        });
    });
});

describe("endpoints", () => {
    it("describes the region for global traffic with constant alias zone ids", async () => {
        // The program module is cached by the run: its exports are the components it built.
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const { edges } = require("./programs/regional-edge") as { edges: { endpoints: Record<string, unknown> }[] };
        const [east] = edges;
        expect(east.endpoints).toMatchObject({
            region: "us-east-1",
            role: "primary",
            trafficDial: 100,
            healthCheck: { protocol: "HTTPS", port: 443, path: "/health" },
            targetHealth: { intervalSeconds: 10, unhealthyThreshold: 3 },
            alb: { zoneId: "Z35SXDOTRQ7X7K" },
            nlb: { zoneId: "Z26RNL4JYFTOTI" },
        });
    });
});
