import { UNKNOWN } from "../../tools/harness/run-program";
import { Inventory, runStack, T, tag } from "../helpers/stack-run";

let inv: Inventory;
beforeAll(async () => {
    inv = new Inventory(await runStack("production"));
});

const REGIONS = { "us-east-1": 2, "eu-west-1": 2, "ap-south-1": 2, "us-west-2": 1 } as const;

describe("production topology", () => {
    it("builds one provider per region, one global provider, and nothing on a default provider", () => {
        const providers = inv.ofType(T.provider);
        expect(
            providers
                .filter((p) => inv.regionComponentOf(p) !== undefined)
                .map((p) => p.inputs.region)
                .sort(),
        ).toEqual(Object.keys(REGIONS).sort());
        // Global Accelerator and Route53 on a provider of their own, pinned to us-west-2.
        expect(
            providers.filter((p) => inv.regionComponentOf(p) === undefined).map((p) => [p.name, p.inputs.region]),
        ).toEqual([["virtengine-global-aws", "us-west-2"]]);
        // Generated passwords (random) have no location; everything else, Kubernetes objects included, has a region.
        const custom = inv.run.resources.filter(
            (r) => r.custom && !r.type.startsWith("pulumi:providers:") && !r.type.startsWith("random:"),
        );
        expect(custom.length).toBeGreaterThan(300);
        for (const r of custom)
            expect({ name: r.name, region: r.providerRegion }).toEqual({ name: r.name, region: expect.any(String) });
    });

    it("puts every regional resource on its own region's provider", () => {
        const custom = inv.run.resources.filter(
            (x) => x.custom && !x.type.startsWith("pulumi:providers:") && !x.type.startsWith("random:"),
        );
        const regional = custom.filter((r) => inv.regionComponentOf(r) !== undefined);
        expect(regional.length).toBeGreaterThan(250);
        for (const r of regional) {
            expect(`${r.name} -> ${r.providerRegion}`).toBe(`${r.name} -> ${inv.regionComponentOf(r)}`);
        }
        // The rest span regions by design: the peering mesh, whose sides are checked under "production
        // peering", the global services on the global provider (tests/global), and the cross-region
        // backup components, each child on its own region's provider (tests/dr/dr-components.test.ts).
        const elsewhere = custom.filter((r) => inv.regionComponentOf(r) === undefined);
        expect([...new Set(elsewhere.map((r) => inv.ancestors(r)[0].type))].sort()).toEqual([
            "virtengine:cross-region:BackupReplication",
            "virtengine:cross-region:ValidatorVolumeBackups",
            "virtengine:global:AwsGlobalTraffic",
            "virtengine:global:Route53Zone",
            "virtengine:peering:VpcPeeringMesh",
        ]);
        for (const r of elsewhere.filter((x) => inv.ancestors(x)[0].type.startsWith("virtengine:global:"))) {
            expect(`${r.name} -> ${r.providerRegion}`).toBe(`${r.name} -> us-west-2`);
        }
    });

    it("makes every lookup with a regional provider", () => {
        expect(inv.run.invokes.length).toBeGreaterThan(0);
        for (const call of inv.run.invokes) expect(Object.keys(REGIONS)).toContain(call.providerRegion);
    });

    it("parents every resource under the network component", () => {
        const roots = inv.run.resources.filter((r) => !r.parent);
        expect(roots.map((r) => r.type)).toEqual(["virtengine:index:Network"]);
    });

    it("records no remote component: every resource is local, so the pack sees what it guards", () => {
        // A remote (multi-language) component (@pulumi/eks, @pulumi/awsx, helm.v4.Chart) is one
        // opaque resource under mocks; its node groups and load balancers would escape the pack.
        const types = [...new Set(inv.run.resources.map((r) => r.type))];
        const components = types.filter((t) => !inv.run.resources.find((r) => r.type === t)!.custom);
        expect(components.filter((t) => !t.startsWith("virtengine:"))).toEqual([]);
        // Custom resources of providers whose resources are plain CRUD (no component children).
        const LOCAL = ["aws", "kubernetes", "random", "cloudflare", "tls"];
        const packages = new Set(
            inv.run.resources
                .filter((r) => r.custom)
                .map((r) => r.type.replace(/^pulumi:providers:/, "").split(":")[0]),
        );
        expect([...packages].filter((p) => !LOCAL.includes(p))).toEqual([]);
        expect([...packages]).toEqual(expect.arrayContaining(["aws", "kubernetes"]));
        for (const remote of ["kubernetes:helm.sh/v4:Chart", "kubernetes:helm.sh/v3:Chart"])
            expect(types).not.toContain(remote);
        expect(types.filter((t) => /^(eks|awsx):/.test(t))).toEqual([]);
    });

    it("gives every resource a unique URN", () => {
        const urns = inv.run.resources.map((r) => r.urn);
        expect(new Set(urns).size).toBe(urns.length);
    });

    it.each(Object.entries(REGIONS))(
        "runs %s's validators (%i) as plain instances, round-robin over zones",
        (region, count) => {
            const validators = inv
                .inRegion(T.instance, region)
                .filter((i) => tag(i, "virtengine:role") === "validator");
            expect(validators).toHaveLength(count);
            const zones = validators.map((v) => v.inputs.availabilityZone);
            expect(zones).toEqual([`${region}a`, `${region}b`].slice(0, count));
            for (const v of validators) expect(tag(v, "virtengine:voting-power")).toBe("1");
        },
    );

    it("holds 7 validators in all, at most 2 (28.6%) in any region", () => {
        const validators = inv.ofType(T.instance).filter((i) => tag(i, "virtengine:role") === "validator");
        expect(validators).toHaveLength(7);
        const perRegion: Record<string, number> = {};
        for (const v of validators) perRegion[v.providerRegion!] = (perRegion[v.providerRegion!] ?? 0) + 1;
        expect(perRegion).toEqual(REGIONS);
        expect(Math.max(...Object.values(perRegion)) / validators.length).toBeCloseTo(2 / 7, 4);
        expect(inv.ofType(T.asg).every((g) => tag(g, "virtengine:role") !== "validator")).toBe(true);
    });

    it("sizes each region's full-node group from config, over all of its zones", () => {
        const minSizes = Object.fromEntries(
            Object.keys(REGIONS).map((region) => {
                const [group] = inv.inRegion(T.asg, region);
                const subnets = inv.dependencyOf(group, "vpcZoneIdentifiers");
                expect(subnets.map((s) => s.inputs.availabilityZone).sort()).toEqual([
                    `${region}a`,
                    `${region}b`,
                    `${region}c`,
                ]);
                expect(group.ignoreChanges).toContain("desiredCapacity");
                return [region, group.inputs.minSize];
            }),
        );
        expect(minSizes).toEqual({ "us-east-1": 4, "eu-west-1": 3, "ap-south-1": 2, "us-west-2": 2 });
    });

    it("builds public and private subnets and a NAT gateway in every zone", () => {
        for (const region of Object.keys(REGIONS)) {
            expect(inv.inRegion(T.subnet, region)).toHaveLength(6);
            expect(inv.inRegion(T.nat, region)).toHaveLength(3);
            expect(inv.inRegion(T.flowLog, region)).toHaveLength(1);
            expect(inv.inRegion(T.endpoint, region).map((e) => e.inputs.serviceName)).toEqual([
                `com.amazonaws.${region}.s3`,
            ]);
        }
    });
});

describe("production safety", () => {
    const validators = () => inv.ofType(T.instance).filter((i) => tag(i, "virtengine:role") === "validator");

    it("gives validators no public IP and only private subnets", () => {
        for (const v of validators()) {
            expect(v.inputs.associatePublicIpAddress).toBe(false);
            const [subnet] = inv.dependencyOf(v, "subnetId");
            expect(subnet.inputs.mapPublicIpOnLaunch).toBe(false);
            expect(tag(subnet, "virtengine:tier")).toBe("private");
            expect(subnet.inputs.availabilityZone).toBe(v.inputs.availabilityZone);
        }
    });

    it("never opens a validator port to 0.0.0.0/0, and nothing opens SSH", () => {
        for (const rule of inv.ofType(T.ingress)) {
            const [group] = inv.dependencyOf(rule, "securityGroupId");
            if (group.name.endsWith("-validator")) expect(rule.inputs.cidrIpv4).not.toBe("0.0.0.0/0");
            expect(rule.inputs.fromPort).not.toBe(22);
        }
    });

    it("lets validators' P2P in only from the same region's full nodes", () => {
        for (const region of Object.keys(REGIONS)) {
            const rules = inv
                .inRegion(T.ingress, region)
                .filter((r) => inv.dependencyOf(r, "securityGroupId")[0].name.endsWith("-validator"));
            const p2p = rules.filter((r) => r.inputs.fromPort === 26656);
            expect(p2p).toHaveLength(1);
            expect(inv.dependencyOf(p2p[0], "referencedSecurityGroupId").map((g) => g.name)).toEqual([
                `${region}-sg-full-node`,
            ]);
            const metrics = rules.find((r) => r.inputs.fromPort === 26660);
            expect(metrics?.inputs.cidrIpv4).toMatch(/^10\.\d+\.0\.0\/16$/);
        }
    });

    it("opens full-node RPC and gRPC only to the public load balancers, REST only to the internal one", () => {
        for (const rule of inv.ofType(T.ingress)) {
            const [group] = inv.dependencyOf(rule, "securityGroupId");
            if (!group.name.endsWith("-full-node") || ![26657, 1317, 9090].includes(rule.inputs.fromPort as number))
                continue;
            if (rule.inputs.cidrIpv4 !== undefined) {
                // The one CIDR source allowed: peered regions' VPCs, for state sync RPC.
                expect(rule.inputs.fromPort).toBe(26657);
                expect(rule.inputs.cidrIpv4).not.toBe("0.0.0.0/0");
            } else {
                const source = inv.dependencyOf(rule, "referencedSecurityGroupId")[0].name;
                expect(source).toMatch(
                    rule.inputs.fromPort === 1317 ? /-sg-rest-load-balancer$/ : /-sg-load-balancer$/,
                );
            }
        }
    });

    const VPC_CIDRS: Record<string, string> = {
        "us-east-1": "10.0.0.0/16",
        "eu-west-1": "10.1.0.0/16",
        "ap-south-1": "10.2.0.0/16",
        "us-west-2": "10.3.0.0/16",
    };
    it("keeps REST inside the VPC: its load balancer is internal and admits only the VPC", () => {
        const rest = inv
            .ofType(T.ingress)
            .filter((r) => inv.dependencyOf(r, "securityGroupId")[0].name.endsWith("-sg-rest-load-balancer"));
        expect(rest).toHaveLength(4);
        for (const rule of rest) {
            expect(rule.inputs).toMatchObject({ fromPort: 1317, toPort: 1317 });
            // The region's own VPC, never a peered region's or the internet.
            expect(rule.inputs.cidrIpv4).toBe(VPC_CIDRS[rule.providerRegion as string]);
        }
        const restLbs = inv
            .ofType("aws:lb/loadBalancer:LoadBalancer")
            .filter((lb) => lb.name.endsWith("-internal-rest-nlb"));
        expect(restLbs.map((lb) => lb.inputs.internal)).toEqual([true, true, true, true]);
    });

    it("has every CloudWatch alarm notify its own region's alarm topic", () => {
        const alarms = inv.ofType("aws:cloudwatch/metricAlarm:MetricAlarm");
        expect(alarms.length).toBeGreaterThan(0);
        for (const alarm of alarms) {
            const topics = inv.dependencyOf(alarm, "alarmActions");
            expect({ alarm: alarm.name, topics: topics.map((t) => [t.type, t.providerRegion]) }).toEqual({
                alarm: alarm.name,
                topics: [["aws:sns/topic:Topic", alarm.providerRegion]],
            });
        }
    });

    it("encrypts every EBS volume and root device with the region's KMS key", () => {
        for (const v of inv.ofType(T.volume)) {
            expect(v.inputs.encrypted).toBe(true);
            expect(v.inputs.kmsKeyId).toBe(UNKNOWN);
            expect(inv.dependencyOf(v, "kmsKeyId").map((k) => k.type)).toEqual([T.kmsKey]);
        }
        for (const i of inv.ofType(T.instance))
            expect((i.inputs.rootBlockDevice as { encrypted: boolean }).encrypted).toBe(true);
        for (const lt of inv.ofType(T.launchTemplate)) {
            const devices = lt.inputs.blockDeviceMappings as { ebs: { encrypted: string } }[];
            expect(devices.length).toBeGreaterThan(0);
            for (const d of devices) expect(d.ebs.encrypted).toBe("true");
        }
    });

    it("requires IMDSv2 on every instance and launch template", () => {
        for (const r of [...inv.ofType(T.instance), ...inv.ofType(T.launchTemplate)]) {
            expect((r.inputs.metadataOptions as { httpTokens: string }).httpTokens).toBe("required");
        }
    });

    it("protects validators, their data volumes and the EBS keys, and turns on termination protection", () => {
        for (const v of validators()) {
            expect(v.protect).toBe(true);
            expect(v.inputs.disableApiTermination).toBe(true);
            expect(v.ignoreChanges).toContain("ami");
        }
        for (const r of [...inv.ofType(T.volume), ...inv.ofType(T.kmsKey)]) expect(r.protect).toBe(true);
    });

    it("keeps validator data on a volume of its own, in the validator's zone", () => {
        for (const v of validators()) {
            const [volume] = inv.ofType(T.volume).filter((vol) => vol.name === `${v.name}-data`);
            expect(volume.inputs).toMatchObject({
                type: "gp3",
                size: 1000,
                availabilityZone: v.inputs.availabilityZone,
            });
        }
    });
});

describe("production peering", () => {
    it("peers every pair of regions once, requested and accepted on each side's provider", () => {
        const connections = inv.ofType(T.peering);
        expect(connections).toHaveLength(6);
        for (const c of connections) {
            const accepter = inv.ofType(T.accepter).find((a) => a.name === `${c.name}-accepter`);
            expect(accepter?.providerRegion).toBe(c.inputs.peerRegion);
            expect(c.providerRegion).not.toBe(c.inputs.peerRegion);
        }
    });

    it("routes each VPC's every route table to every other region, on the table's own provider", () => {
        const peeringRoutes = inv.ofType(T.route).filter((r) => r.inputs.vpcPeeringConnectionId !== undefined);
        // 4 route tables per region (public + 3 private) x 3 other regions x 4 regions.
        expect(peeringRoutes).toHaveLength(48);
        for (const route of peeringRoutes) {
            const [table] = inv.dependencyOf(route, "routeTableId");
            expect(route.providerRegion).toBe(table.providerRegion);
        }
    });
});
