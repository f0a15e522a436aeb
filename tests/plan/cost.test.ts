import { UNKNOWN, type RecordedResource } from "../../tools/harness/run-program";
import { estimateMonthlyCost, type CostEstimate } from "../../tools/plan/cost/estimate";
import {
    chargeOf,
    GLOBAL_PRICES,
    HOURS_PER_MONTH,
    PRICE_SOURCE,
    PRICE_SOURCES,
    PRICES_AS_OF,
    REGION_PRICES,
} from "../../tools/plan/cost/prices";
import { loadStack } from "../../tools/plan/load-stack";
import { sharedRun } from "../helpers/shared-run";
import { REPO } from "./real-run";

const INSTANCE = "aws:ec2/instance:Instance";
const VOLUME = "aws:ebs/volume:Volume";
const GROUP = "aws:autoscaling/group:Group";
const LAUNCH_TEMPLATE = "aws:ec2/launchTemplate:LaunchTemplate";

const US_EAST_1 = REGION_PRICES["us-east-1"];
const EU_WEST_1 = REGION_PRICES["eu-west-1"];
const AP_SOUTH_1 = REGION_PRICES["ap-south-1"];

/** What the estimate does to every line: round to cents. */
const usd = (x: number) => Math.round(x * 100) / 100;
const perMonth = (hourly: number) => hourly * HOURS_PER_MONTH;

const urnOf = (type: string, name: string) => `urn:pulumi:test::virtengine::${type}::${name}`;

/** A hand-made recorded resource, as the harness would record it. */
function res(
    type: string,
    name: string,
    options: {
        region?: string;
        inputs?: Record<string, unknown>;
        deps?: Record<string, string[]>;
        custom?: boolean;
    } = {},
): RecordedResource {
    return {
        urn: urnOf(type, name),
        type,
        name,
        custom: options.custom ?? true,
        parent: "",
        provider: options.region ? `${urnOf("pulumi:providers:aws", options.region)}::id` : "",
        providerRegion: options.region,
        inputs: options.inputs ?? {},
        protect: false,
        ignoreChanges: [],
        dependencies: Object.values(options.deps ?? {}).flat(),
        propertyDependencies: options.deps ?? {},
    };
}

const itemsOf = (estimate: CostEstimate) => estimate.lines.map((l) => [l.item, l.monthlyUsd]);
const cents = (x: number) => Math.round(x * 100);
const notPriced = (estimate: CostEstimate) =>
    estimate.warnings.filter((w) => !w.startsWith("Usage-based charges are not estimated"));

describe("the price table", () => {
    it("says where its prices come from and when they are as of", () => {
        expect(PRICES_AS_OF).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(PRICE_SOURCE).toContain("Price List");
        for (const source of PRICE_SOURCES) expect(source.url).toMatch(/^https:\/\//);
    });

    it("prices every instance size the stacks may use in every region it lists, as positive numbers", () => {
        const sizes = ["r6i.large", "r6i.xlarge", "r6i.2xlarge", "r6i.4xlarge", "r6i.8xlarge"]
            .concat(["m6i.large", "m6i.xlarge", "m6i.2xlarge", "m6i.4xlarge"])
            .sort();
        expect(Object.keys(REGION_PRICES).sort()).toEqual(
            ["ap-south-1", "ap-southeast-1", "eu-central-1", "eu-west-1", "us-east-1", "us-west-2"].sort(),
        );
        for (const prices of Object.values(REGION_PRICES)) {
            expect(Object.keys(prices.ec2Hourly).sort()).toEqual(sizes);
            const numbers = [
                ...Object.values(prices.ec2Hourly),
                ...Object.values(prices.ebs).flat(),
                prices.natGatewayHourly,
                prices.publicIpv4Hourly,
                prices.albHourly,
                prices.nlbHourly,
                prices.eksClusterHourly,
                prices.kmsKeyMonthly,
                prices.wafWebAclMonthly,
                prices.wafRuleMonthly,
            ];
            for (const n of numbers) expect(n).toBeGreaterThan(0);
        }
    });
});

describe("estimateMonthlyCost", () => {
    it("prices an instance at its hourly rate × 730 plus its root volume, in its region", () => {
        const estimate = estimateMonthlyCost([
            res(INSTANCE, "validator-0", {
                region: "us-east-1",
                inputs: { instanceType: "r6i.2xlarge", rootBlockDevice: { volumeSize: 50, volumeType: "gp3" } },
            }),
            res(INSTANCE, "validator-1", {
                region: "eu-west-1",
                inputs: { instanceType: "r6i.2xlarge", rootBlockDevice: { volumeSize: 50, volumeType: "gp3" } },
            }),
        ]);
        const us = usd(perMonth(US_EAST_1.ec2Hourly["r6i.2xlarge"])) + usd(50 * US_EAST_1.ebs.gp3GbMonth);
        const eu = usd(perMonth(EU_WEST_1.ec2Hourly["r6i.2xlarge"])) + usd(50 * EU_WEST_1.ebs.gp3GbMonth);
        expect(itemsOf(estimate)).toEqual([
            ["r6i.2xlarge instance", usd(perMonth(US_EAST_1.ec2Hourly["r6i.2xlarge"]))],
            ["gp3 50 GiB", usd(50 * US_EAST_1.ebs.gp3GbMonth)],
            ["r6i.2xlarge instance", usd(perMonth(EU_WEST_1.ec2Hourly["r6i.2xlarge"]))],
            ["gp3 50 GiB", usd(50 * EU_WEST_1.ebs.gp3GbMonth)],
        ]);
        expect(estimate.byRegion["us-east-1"]).toBeCloseTo(us, 6);
        expect(estimate.byRegion["eu-west-1"]).toBeCloseTo(eu, 6);
        expect(estimate.monthlyUsd).toBeCloseTo(us + eu, 6);
        expect(estimate.globalUsd).toBe(0);
        expect(notPriced(estimate)).toEqual([]);
    });

    it("adds a public IPv4 address only when associatePublicIpAddress is true", () => {
        const instance = (name: string, associatePublicIpAddress: unknown) =>
            res(INSTANCE, name, {
                region: "us-east-1",
                inputs: {
                    instanceType: "m6i.large",
                    associatePublicIpAddress,
                    rootBlockDevice: { volumeSize: 8, volumeType: "gp3" },
                },
            });
        const estimate = estimateMonthlyCost([instance("public", true), instance("private", false)]);
        const ipv4 = estimate.lines.filter((l) => l.item === "public IPv4 address");
        expect(ipv4).toEqual([
            expect.objectContaining({ urn: urnOf(INSTANCE, "public"), monthlyUsd: usd(perMonth(0.005)) }),
        ]);
        expect(US_EAST_1.publicIpv4Hourly).toBe(0.005);
    });

    it("assumes an 8 GiB gp3 root volume when the instance names none, and says so", () => {
        const estimate = estimateMonthlyCost([
            res(INSTANCE, "bare", { region: "eu-west-1", inputs: { instanceType: "r6i.large" } }),
        ]);
        expect(itemsOf(estimate)).toEqual([
            ["r6i.large instance", usd(perMonth(EU_WEST_1.ec2Hourly["r6i.large"]))],
            ["gp3 8 GiB", usd(8 * EU_WEST_1.ebs.gp3GbMonth)],
        ]);
        expect(notPriced(estimate)).toEqual([expect.stringContaining("8 GiB and gp3 are assumed")]);
    });

    it("charges gp3 IOPS above the free 3000 and throughput above the free 125 MiB/s, and nothing at the baseline", () => {
        const estimate = estimateMonthlyCost([
            res(VOLUME, "fast", {
                region: "eu-west-1",
                inputs: { type: "gp3", size: 100, iops: 4000, throughput: 200 },
            }),
            res(VOLUME, "baseline", {
                region: "eu-west-1",
                inputs: { type: "gp3", size: 100, iops: 3000, throughput: 125 },
            }),
        ]);
        const ebs = EU_WEST_1.ebs;
        expect(itemsOf(estimate)).toEqual([
            [
                "gp3 100 GiB, 4000 IOPS, 200 MiB/s",
                usd(100 * ebs.gp3GbMonth + 1000 * ebs.gp3IopsMonth + 75 * ebs.gp3ThroughputMibpsMonth),
            ],
            ["gp3 100 GiB, 3000 IOPS, 125 MiB/s", usd(100 * ebs.gp3GbMonth)],
        ]);
    });

    it("prices gp2 by size and io2 IOPS by tier", () => {
        const estimate = estimateMonthlyCost([
            res(VOLUME, "old", { region: "ap-south-1", inputs: { type: "gp2", size: 200 } }),
            res(VOLUME, "db", { region: "ap-south-1", inputs: { type: "io2", size: 100, iops: 40000 } }),
        ]);
        const ebs = AP_SOUTH_1.ebs;
        const [tier1, tier2] = ebs.io2IopsMonth;
        expect(itemsOf(estimate)).toEqual([
            ["gp2 200 GiB", usd(200 * ebs.gp2GbMonth)],
            ["io2 100 GiB, 40000 IOPS", usd(100 * ebs.io2GbMonth + 32000 * tier1 + 8000 * tier2)],
        ]);
    });

    describe("an Auto Scaling group", () => {
        const template = res(LAUNCH_TEMPLATE, "full-node-lt", {
            region: "eu-west-1",
            inputs: {
                instanceType: "r6i.xlarge",
                // Launch templates carry booleans and numbers as strings.
                blockDeviceMappings: [
                    { deviceName: "/dev/sda1", ebs: { encrypted: "true", volumeSize: "50", volumeType: "gp3" } },
                    { deviceName: "/dev/sdf", ebs: { encrypted: "true", volumeSize: 500, volumeType: "gp3" } },
                ],
                networkInterfaces: [{ associatePublicIpAddress: "true", deleteOnTermination: "true" }],
            },
        });
        const group = (deps: Record<string, string[]>) =>
            res(GROUP, "full-node-asg", {
                region: "eu-west-1",
                inputs: {
                    minSize: 3,
                    desiredCapacity: 5,
                    maxSize: 8,
                    launchTemplate: { id: UNKNOWN, version: UNKNOWN },
                },
                deps,
            });

        it("costs minSize × its launch template's instance, volumes and public IPv4, found through propertyDependencies", () => {
            const estimate = estimateMonthlyCost([template, group({ launchTemplate: [template.urn] })]);
            const p = EU_WEST_1;
            expect(itemsOf(estimate)).toEqual([
                ["3 × r6i.xlarge instance", usd(3 * perMonth(p.ec2Hourly["r6i.xlarge"]))],
                ["3 × gp3 50 GiB", usd(3 * 50 * p.ebs.gp3GbMonth)],
                ["3 × gp3 500 GiB", usd(3 * 500 * p.ebs.gp3GbMonth)],
                ["3 × public IPv4 address", usd(3 * perMonth(p.publicIpv4Hourly))],
            ]);
            expect(estimate.lines.every((l) => l.urn === urnOf(GROUP, "full-node-asg"))).toBe(true);
            expect(notPriced(estimate)).toEqual([]);
        });

        it("is not estimated, and says so, when no dependency leads to its launch template", () => {
            const estimate = estimateMonthlyCost([template, group({})]);
            expect(estimate.lines).toEqual([]);
            expect(estimate.monthlyUsd).toBe(0);
            expect(notPriced(estimate)).toEqual([expect.stringContaining("launch template is not among")]);
        });
    });

    it("prices a region missing from the table at us-east-1 prices, keeps it in its region, and warns", () => {
        const estimate = estimateMonthlyCost(
            [
                res(INSTANCE, "far", {
                    region: "sa-east-1",
                    inputs: { instanceType: "r6i.large", rootBlockDevice: { volumeSize: 20, volumeType: "gp3" } },
                }),
            ],
            ["us-east-1"],
        );
        const expected = usd(perMonth(US_EAST_1.ec2Hourly["r6i.large"])) + usd(20 * US_EAST_1.ebs.gp3GbMonth);
        expect(estimate.byRegion).toEqual({ "us-east-1": 0, "sa-east-1": expected });
        expect(estimate.lines.map((l) => l.region)).toEqual(["sa-east-1", "sa-east-1"]);
        expect(notPriced(estimate)).toEqual([expect.stringMatching(/sa-east-1 is not in the price table.*us-east-1/)]);
    });

    it("warns about an unknown or not-yet-known instance type and prices its compute at 0, never NaN", () => {
        const estimate = estimateMonthlyCost([
            res(INSTANCE, "exotic", {
                region: "us-east-1",
                inputs: { instanceType: "x9z.huge", rootBlockDevice: { volumeSize: 10, volumeType: "gp3" } },
            }),
            res(INSTANCE, "later", {
                region: "us-east-1",
                inputs: { instanceType: UNKNOWN, rootBlockDevice: { volumeSize: 10, volumeType: "gp3" } },
            }),
        ]);
        expect(itemsOf(estimate)).toEqual([
            ["gp3 10 GiB", usd(10 * US_EAST_1.ebs.gp3GbMonth)],
            ["gp3 10 GiB", usd(10 * US_EAST_1.ebs.gp3GbMonth)],
        ]);
        expect(notPriced(estimate)).toEqual([
            expect.stringContaining("x9z.huge (exotic) is not in the price table"),
            expect.stringContaining("later: the instance type is not known until deployment"),
        ]);
        for (const n of [estimate.monthlyUsd, estimate.globalUsd, ...Object.values(estimate.byRegion)]) {
            expect(Number.isFinite(n)).toBe(true);
        }
        expect(estimate.monthlyUsd).toBeCloseTo(2 * usd(10 * US_EAST_1.ebs.gp3GbMonth), 6);
    });

    it("prices NAT gateways, Elastic IPs and load balancers hourly, with an internet-facing balancer's addresses", () => {
        const subnets = [UNKNOWN, UNKNOWN, UNKNOWN];
        const estimate = estimateMonthlyCost([
            res("aws:ec2/natGateway:NatGateway", "nat", { region: "ap-south-1" }),
            res("aws:ec2/eip:Eip", "nat-eip", { region: "ap-south-1", inputs: { domain: "vpc" } }),
            res("aws:lb/loadBalancer:LoadBalancer", "alb", { region: "ap-south-1", inputs: { subnets } }),
            res("aws:lb/loadBalancer:LoadBalancer", "nlb", {
                region: "ap-south-1",
                inputs: { loadBalancerType: "network", internal: true, subnets },
            }),
        ]);
        const p = AP_SOUTH_1;
        expect(itemsOf(estimate)).toEqual([
            ["NAT gateway", usd(perMonth(p.natGatewayHourly))],
            ["public IPv4 address", usd(perMonth(p.publicIpv4Hourly))],
            ["Application Load Balancer", usd(perMonth(p.albHourly))],
            ["3 × public IPv4 address", usd(3 * perMonth(p.publicIpv4Hourly))],
            ["Network Load Balancer", usd(perMonth(p.nlbHourly))],
        ]);
    });

    it("prices the EKS control plane, KMS keys and a WAF web ACL with its rules", () => {
        const estimate = estimateMonthlyCost([
            res("aws:eks/cluster:Cluster", "eks", { region: "us-west-2" }),
            res("aws:kms/key:Key", "key", { region: "us-west-2" }),
            res("aws:wafv2/webAcl:WebAcl", "acl", {
                region: "us-west-2",
                inputs: { scope: "REGIONAL", rules: [{ name: "rate" }, { name: "common" }, { name: "bad-inputs" }] },
            }),
        ]);
        const p = REGION_PRICES["us-west-2"];
        expect(itemsOf(estimate)).toEqual([
            ["EKS control plane", usd(perMonth(p.eksClusterHourly))],
            ["KMS customer-managed key", usd(p.kmsKeyMonthly)],
            ["WAF web ACL", usd(p.wafWebAclMonthly)],
            ["3 × WAF rule", usd(3 * p.wafRuleMonthly)],
        ]);
        expect(Object.keys(estimate.byRegion)).toEqual(["us-west-2"]);
    });

    it("counts the accelerator, hosted zones and health checks as global, priced by endpoint and features", () => {
        const alb = res("aws:lb/loadBalancer:LoadBalancer", "alb", {
            region: "us-east-1",
            inputs: { internal: true },
        });
        const estimate = estimateMonthlyCost([
            alb,
            res("aws:globalaccelerator/accelerator:Accelerator", "ga", { region: "us-west-2" }),
            res("aws:route53/zone:Zone", "zone", { region: "us-east-1" }),
            res("aws:route53/healthCheck:HealthCheck", "to-alb", {
                region: "us-east-1",
                inputs: { type: "HTTPS", fqdn: UNKNOWN, requestInterval: 10 },
                deps: { fqdn: [alb.urn] },
            }),
            res("aws:route53/healthCheck:HealthCheck", "elsewhere", {
                region: "us-east-1",
                inputs: { type: "HTTPS", fqdn: "status.example.com", requestInterval: 30 },
            }),
        ]);
        const g = GLOBAL_PRICES;
        const global = [
            usd(perMonth(g.globalAcceleratorHourly)),
            usd(g.route53HostedZoneMonthly),
            usd(g.route53HealthCheckMonthly.aws + 2 * g.route53HealthCheckOptionMonthly.aws),
            usd(g.route53HealthCheckMonthly.nonAws + g.route53HealthCheckOptionMonthly.nonAws),
        ];
        expect(estimate.lines.filter((l) => l.region === undefined).map((l) => l.monthlyUsd)).toEqual(global);
        expect(estimate.globalUsd).toBeCloseTo(
            global.reduce((a, b) => a + b),
            6,
        );
        expect(estimate.byRegion).toEqual({ "us-east-1": usd(perMonth(US_EAST_1.albHourly)) });
        expect(cents(estimate.monthlyUsd)).toBe(cents(estimate.globalUsd) + cents(estimate.byRegion["us-east-1"]));
    });

    it("lists a region it was asked about even without cost, and names each usage-based charge once per type", () => {
        const estimate = estimateMonthlyCost(
            [
                res("aws:ec2/natGateway:NatGateway", "nat-a", { region: "us-east-1" }),
                res("aws:ec2/natGateway:NatGateway", "nat-b", { region: "us-east-1" }),
                res("aws:ec2/vpc:Vpc", "vpc", { region: "us-east-1" }),
            ],
            ["eu-west-1", "us-east-1"],
        );
        expect(estimate.byRegion).toEqual({
            "eu-west-1": 0,
            "us-east-1": usd(2 * usd(perMonth(US_EAST_1.natGatewayHourly))),
        });
        expect(estimate.warnings).toEqual([
            "Usage-based charges are not estimated for aws:ec2/natGateway:NatGateway: data processed per GB.",
        ]);
    });

    it("treats components and providers as free and warns once about a type the table does not know", () => {
        const estimate = estimateMonthlyCost([
            res("virtengine:region:Region", "region", { custom: false }),
            res("pulumi:providers:aws", "provider", { inputs: { region: "us-east-1" } }),
            res("aws:sqs/queue:Queue", "queue-a", { region: "us-east-1" }),
            res("aws:sqs/queue:Queue", "queue-b", { region: "us-east-1" }),
        ]);
        expect(estimate.lines).toEqual([]);
        expect(estimate.warnings).toEqual([
            "aws:sqs/queue:Queue is not in the price table; its cost is not estimated.",
        ]);
    });
});

describe("the production stack's estimate", () => {
    let resources: RecordedResource[];
    let regions: string[];
    let estimate: CostEstimate;
    // The real run of the production program, as planStack records it (built once per worker).
    beforeAll(async () => {
        const loaded = loadStack({ projectDir: REPO, stack: "production" });
        if (!loaded.ok) throw new Error(loaded.problems.join("\n"));
        const run = await sharedRun({ project: loaded.project, stack: "production", config: loaded.engineConfig });
        resources = run.resources;
        regions = loaded.config.regions.map((r) => r.name);
        estimate = estimateMonthlyCost(resources, regions);
    });

    it("knows every resource type the program registers: priced, free or usage-based", () => {
        const unknownTypes = [...new Set(resources.filter((r) => !chargeOf(r.type, r.custom)).map((r) => r.type))];
        expect(unknownTypes).toEqual([]);
        expect(notPriced(estimate)).toEqual([]);
    });

    it("adds up: the total is positive and equals the regions plus global, and every region costs something", () => {
        expect(estimate.monthlyUsd).toBeGreaterThan(0);
        const regionCents = Object.values(estimate.byRegion).reduce((sum, v) => sum + cents(v), 0);
        expect(cents(estimate.monthlyUsd)).toBe(regionCents + cents(estimate.globalUsd));
        expect(Object.keys(estimate.byRegion)).toEqual(regions);
        for (const name of regions) expect(estimate.byRegion[name]).toBeGreaterThan(0);
    });

    it("prices the seven validators and each full-node group at its minimum through its launch template", () => {
        const validators = estimate.lines.filter((l) => l.item === "r6i.2xlarge instance");
        expect(validators).toHaveLength(7);
        const fullNodes = estimate.lines.find(
            (l) => l.region === "us-east-1" && l.item.endsWith("r6i.xlarge instance"),
        );
        expect(fullNodes).toEqual(
            expect.objectContaining({
                item: "4 × r6i.xlarge instance",
                monthlyUsd: usd(4 * perMonth(US_EAST_1.ec2Hourly["r6i.xlarge"])),
            }),
        );
    });
});
