import { known } from "../../tools/harness/recorded";
import { Made, runComponent } from "../helpers/component-run";

let made: Made;
beforeAll(async () => {
    made = new Made(await runComponent("tests/kubernetes/programs/redis.ts", { preview: false }));
});

const GROUP = "aws:elasticache/replicationGroup:ReplicationGroup";
const SECRET_SIG_KEY = "4dabf18193072939515e22adb298388d";

describe("ProviderRedis (update mode)", () => {
    it("runs a primary and a replica in two zones with automatic failover and multi-AZ", () => {
        expect(made.one(GROUP).inputs).toMatchObject({
            replicationGroupId: "ve-production-ap-south-1",
            engine: "redis",
            numCacheClusters: 2,
            preferredCacheClusterAzs: ["ap-south-1a", "ap-south-1b"],
            automaticFailoverEnabled: true,
            multiAzEnabled: true,
        });
    });

    it("encrypts at rest with its own rotating key and requires TLS in transit", () => {
        const group = made.one(GROUP);
        const key = made.one("aws:kms/key:Key");
        expect(key.inputs.enableKeyRotation).toBe(true);
        expect(group.inputs).toMatchObject({
            atRestEncryptionEnabled: true,
            transitEncryptionEnabled: true,
            transitEncryptionMode: "required",
            kmsKeyId: expect.stringMatching(/^arn:aws:kms:ap-south-1:/),
        });
        expect(group.propertyDependencies.kmsKeyId).toEqual([key.urn]);
    });

    it("sends the AUTH token to the engine as a secret only, 64 characters long", () => {
        const token = made.one(GROUP).inputs.authToken as Record<string, unknown>;
        expect(token[SECRET_SIG_KEY]).toBeDefined();
        expect(String(known(token))).toMatch(/^[0-9a-f]{64}$/);
    });

    it("admits only the cluster's nodes, on 6379, and nothing from a CIDR", () => {
        const rules = made.ofType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule");
        expect(rules).toHaveLength(1);
        expect(rules[0].inputs).toMatchObject({ referencedSecurityGroupId: "sg-nodes", fromPort: 6379, toPort: 6379 });
        expect(rules[0].inputs.cidrIpv4).toBeUndefined();
    });

    it("protects the group and its key in production", () => {
        expect(made.one(GROUP).protect).toBe(true);
        expect(made.one("aws:kms/key:Key").protect).toBe(true);
    });
});
