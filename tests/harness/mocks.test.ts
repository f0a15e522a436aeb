import { awsMocks, MOCK_ACCOUNT_ID, UnansweredInvokeError } from "../../tools/harness/mocks";
import { combineTables, STATE } from "../../tools/harness/mock-state";

// Answers as the mocks give them to the SDK, per resource type and region.
const region = (r: string) => () => r;
const create = (type: string, inputs: Record<string, unknown>, preview = false, r = "us-east-1") =>
    awsMocks(region(r), preview).newResource({ type, name: "edge", inputs, custom: true, id: "" }) as {
        id: string;
        state: Record<string, unknown>;
    };

describe("computed state (update mode)", () => {
    it("gives load balancers their region's canonical zone id, by type", () => {
        expect(create("aws:lb/loadBalancer:LoadBalancer", { loadBalancerType: "application" }).state.zoneId).toBe(
            "Z35SXDOTRQ7X7K",
        );
        expect(
            create("aws:lb/loadBalancer:LoadBalancer", { loadBalancerType: "network" }, false, "eu-west-1").state
                .zoneId,
        ).toBe("Z2IFOLAFXWLO4F");
        const alb = create("aws:lb/loadBalancer:LoadBalancer", { name: "rpc" }, false, "ap-south-1").state;
        expect(alb.zoneId).toBe("ZP97RAFLXTNZK");
        expect(alb.arn).toBe(
            `arn:aws:elasticloadbalancing:ap-south-1:${MOCK_ACCOUNT_ID}:loadbalancer/${alb.arnSuffix}`,
        );
        expect(alb.arnSuffix).toMatch(/^app\/rpc\/[0-9a-f]{16}$/);
        expect(alb.dnsName).toMatch(/^rpc-\d+\.ap-south-1\.elb\.amazonaws\.com$/);
    });

    it("refuses to invent a zone id for a region it has no entry for", () => {
        expect(() => create("aws:lb/loadBalancer:LoadBalancer", {}, false, "xx-nowhere-1")).toThrow(/xx-nowhere-1/);
    });

    it("gives an accelerator Global Accelerator's zone id and its ARN as id", () => {
        const ga = create("aws:globalaccelerator/accelerator:Accelerator", {});
        expect(ga.state.hostedZoneId).toBe("Z2BJ6XQ5FK7U4H");
        expect(ga.state.dnsName).toMatch(/\.awsglobalaccelerator\.com$/);
        expect(ga.id).toBe(ga.state.arn);
    });

    it("gives one validation option per certificate name, shared by a wildcard and its base name", () => {
        const cert = create("aws:acm/certificate:Certificate", {
            domainName: "rpc.example.org",
            subjectAlternativeNames: ["*.rpc.example.org", "api.example.org", "rpc.example.org"],
        }).state;
        const options = cert.domainValidationOptions as Record<string, string>[];
        expect(options.map((o) => o.domainName)).toEqual(["rpc.example.org", "*.rpc.example.org", "api.example.org"]);
        expect(options[1].resourceRecordName).toBe(options[0].resourceRecordName);
        expect(options[1].resourceRecordValue).toBe(options[0].resourceRecordValue);
        expect(options[2].resourceRecordName).not.toBe(options[0].resourceRecordName);
        expect(options[0].resourceRecordName).toMatch(/^_[0-9a-f]{32}\.rpc\.example\.org\.$/);
        expect(options[0].resourceRecordType).toBe("CNAME");
    });

    it("answers hosted zones, records, buckets, clusters, keys and caches as their providers do", () => {
        const zone = create("aws:route53/zone:Zone", { name: "example.org" });
        expect(zone.id).toBe(zone.state.zoneId);
        expect(zone.state.nameServers).toHaveLength(4);
        expect(create("aws:route53/record:Record", { name: "WWW.example.org.", type: "A" }).state.fqdn).toBe(
            "www.example.org",
        );
        const bucket = create("aws:s3/bucket:Bucket", { bucket: "logs" }, false, "eu-west-1").state;
        expect(bucket).toMatchObject({
            arn: "arn:aws:s3:::logs",
            bucketRegionalDomainName: "logs.s3.eu-west-1.amazonaws.com",
        });
        const eks = create("aws:eks/cluster:Cluster", { name: "chain" }, false, "us-west-2").state;
        expect(eks.endpoint).toMatch(/^https:\/\/[0-9A-F]{32}\.gr7\.us-west-2\.eks\.amazonaws\.com$/);
        expect((eks.certificateAuthority as { data: string }).data).toMatch(/^[A-Za-z0-9+/=]+$/);
        const issuer = (eks.identities as { oidcs: { issuer: string }[] }[])[0].oidcs[0].issuer;
        expect(issuer).toMatch(/^https:\/\/oidc\.eks\.us-west-2\.amazonaws\.com\/id\/[0-9A-F]{32}$/);
        const key = create("aws:kms/key:Key", {}).state;
        expect(key.arn).toBe(`arn:aws:kms:us-east-1:${MOCK_ACCOUNT_ID}:key/${key.keyId}`);
        expect(
            create("aws:elasticache/replicationGroup:ReplicationGroup", { replicationGroupId: "cache" }).state
                .primaryEndpointAddress,
        ).toMatch(/^master\.cache\.[0-9a-f]{6}\.us-east-1\.cache\.amazonaws\.com$/);
        expect(create("aws:wafv2/webAcl:WebAcl", { name: "edge", scope: "REGIONAL" }).state.arn).toMatch(
            /^arn:aws:wafv2:us-east-1:123456789012:regional\/webacl\/edge\//,
        );
    });

    it("takes a resource's own region input over its provider's", () => {
        const bucket = create("aws:s3/bucket:Bucket", { bucket: "b", region: "us-west-2" }).state;
        expect(bucket.bucketRegionalDomainName).toBe("b.s3.us-west-2.amazonaws.com");
    });
});

describe("preview mode", () => {
    it("answers inputs only: computed values stay unknown", () => {
        const alb = create("aws:lb/loadBalancer:LoadBalancer", { name: "rpc" }, true);
        expect(alb).toEqual({ id: "", state: { name: "rpc" } });
    });
});

describe("lookups", () => {
    const call = (token: string, inputs: Record<string, unknown> = {}, r = "us-east-1") =>
        awsMocks(region(r)).call({ token, inputs, provider: "p::id" }) as Record<string, unknown>;

    it("answers the account-independent lookups", () => {
        expect(call("aws:index/getCallerIdentity:getCallerIdentity").accountId).toBe(MOCK_ACCOUNT_ID);
        expect(call("aws:lb/getHostedZoneId:getHostedZoneId", { loadBalancerType: "network" }, "us-west-2").id).toBe(
            "Z18D5FSROUN65G",
        );
        expect(call("aws:elb/getServiceAccount:getServiceAccount", {}, "eu-west-1").id).toBe("156460612806");
    });

    it("throws for a lookup it cannot answer, naming the token and the file to add it to", () => {
        expect(() => call("aws:route53/getZone:getZone", { name: "example.org" })).toThrow(UnansweredInvokeError);
        expect(() => call("aws:route53/getZone:getZone")).toThrow(
            /aws:route53\/getZone:getZone.*tools\/harness\/mock-state\/invokes\.ts/,
        );
    });
});

describe("combineTables", () => {
    it("refuses a type answered in two areas", () => {
        const answer = () => ({});
        expect(() => combineTables({ a: { "x:y/z:Z": answer }, b: { "x:y/z:Z": answer } })).toThrow(
            /x:y\/z:Z is defined in both a\.ts and b\.ts/,
        );
    });

    it("holds every area's answers", () => {
        expect(Object.keys(STATE)).toEqual(
            expect.arrayContaining(["aws:ec2/launchTemplate:LaunchTemplate", "aws:lb/loadBalancer:LoadBalancer"]),
        );
    });
});
