import { UNKNOWN } from "../../tools/harness/run-program";
import { buildInventory, type InventoryConfig } from "../../tools/plan/inventory";
import { programRun, resource, validator } from "./fixtures";

const config: InventoryConfig = {
    environment: "staging",
    regions: [
        { name: "us-east-1", role: "primary", zones: ["us-east-1a", "us-east-1b"] },
        { name: "eu-west-1", role: "secondary", zones: ["eu-west-1a", "eu-west-1b"] },
    ],
};

describe("buildInventory on hand-made resources", () => {
    const root = resource("virtengine:index:Network", "net");
    const east = resource("virtengine:region:Region", "us-east-1", { parent: root.urn });
    const eastFleet = resource("virtengine:validators:ValidatorFleet", "east-validators", { parent: east.urn });
    const west = resource("virtengine:region:Region", "eu-west-1", { parent: root.urn });
    const empty = resource("virtengine:empty:Nothing", "empty", { parent: root.urn });
    const subnetA = resource("aws:ec2/subnet:Subnet", "east-a", {
        region: "us-east-1",
        inputs: { availabilityZone: "us-east-1a" },
    });
    const subnetB = resource("aws:ec2/subnet:Subnet", "east-b", {
        region: "us-east-1",
        inputs: { availabilityZone: "us-east-1b" },
    });
    const eastGroup = resource("aws:autoscaling/group:Group", "east-asg", {
        region: "us-east-1",
        parent: east.urn,
        inputs: {
            minSize: 3,
            tags: [
                { key: "Name", value: "east", propagateAtLaunch: true },
                { key: "virtengine:role", value: "full-node", propagateAtLaunch: true },
            ],
        },
    });
    eastGroup.propertyDependencies = { vpcZoneIdentifiers: [subnetA.urn, subnetB.urn] };
    const westGroup = resource("aws:autoscaling/group:Group", "west-asg", {
        region: "eu-west-1",
        parent: west.urn,
        inputs: { minSize: 2, tags: [{ key: "virtengine:role", value: "full-node", propagateAtLaunch: true }] },
    });
    const otherGroup = resource("aws:autoscaling/group:Group", "other-asg", {
        region: "eu-west-1",
        inputs: { minSize: 9, tags: [{ key: "virtengine:role", value: "provider-daemon" }] },
    });
    const nonValidator = resource("aws:ec2/instance:Instance", "bastion", {
        region: "eu-west-1",
        inputs: { availabilityZone: "eu-west-1a", tags: { "virtengine:role": "bastion" } },
    });
    const provider = resource("pulumi:providers:aws", "east-provider", {
        parent: east.urn,
        inputs: { region: "us-east-1" },
    });
    const report = buildInventory(
        programRun([
            root,
            east,
            eastFleet,
            west,
            empty,
            provider,
            subnetA,
            subnetB,
            validator("v0", "us-east-1", "us-east-1b", eastFleet.urn),
            validator("v1", "us-east-1", "us-east-1a", eastFleet.urn, "3"),
            validator("v2", "eu-west-1", "eu-west-1a", west.urn),
            eastGroup,
            westGroup,
            otherGroup,
            nonValidator,
        ]),
        config,
    );

    it("counts validators and voting power per region (tag default 1)", () => {
        expect(report.validators).toBe(3);
        expect(report.totalVotingPower).toBe(5);
        expect(report.regions["us-east-1"]).toMatchObject({
            role: "primary",
            validators: 2,
            votingPower: 4,
            validatorShare: 0.8,
            validatorZones: ["us-east-1a", "us-east-1b"],
        });
        expect(report.regions["eu-west-1"]).toMatchObject({ validators: 1, votingPower: 1, validatorShare: 0.2 });
    });

    it("counts full nodes from tagged groups' minSize, with zones from their subnets or else config", () => {
        expect(report.fullNodes).toBe(5);
        expect(report.regions["us-east-1"]).toMatchObject({
            fullNodes: 3,
            fullNodeZones: ["us-east-1a", "us-east-1b"],
        });
        expect(report.regions["eu-west-1"]).toMatchObject({
            fullNodes: 2,
            fullNodeZones: ["eu-west-1a", "eu-west-1b"],
        });
    });

    it("puts components in their descendants' region, or in none when those span regions", () => {
        expect(report.resourceCount).toBe(15);
        expect(report.regions["us-east-1"].resourcesByType).toEqual({
            "aws:autoscaling/group:Group": 1,
            "aws:ec2/instance:Instance": 2,
            "aws:ec2/subnet:Subnet": 2,
            "pulumi:providers:aws": 1,
            "virtengine:region:Region": 1,
            "virtengine:validators:ValidatorFleet": 1,
        });
        expect(report.regions["eu-west-1"].resources).toBe(5);
        expect(report.unattributed).toEqual({
            resources: 2,
            resourcesByType: { "virtengine:empty:Nothing": 1, "virtengine:index:Network": 1 },
        });
        const perRegion = Object.values(report.regions).reduce((n, r) => n + r.resources, 0);
        expect(perRegion + report.unattributed.resources).toBe(report.resourceCount);
        expect(report.resourcesByType["aws:autoscaling/group:Group"]).toBe(3);
    });

    it("estimates cost and region loss, and leaves policies to the CLI", () => {
        expect(report).toMatchObject({
            stack: "test",
            environment: "staging",
            policies: { evaluated: false, violations: [] },
            warnings: [],
        });
        const regions = Object.values(report.regions);
        const cents = (usd: number) => Math.round(usd * 100);
        expect(cents(report.monthlyCostUsd)).toBe(
            regions.reduce((sum, r) => sum + cents(r.monthlyCostUsd), cents(report.cost.globalMonthlyUsd)),
        );
        expect(Object.keys(report.regionLoss)).toEqual(Object.keys(report.regions));
    });
});

describe("buildInventory with values unknown until deployment", () => {
    it("warns rather than guesses, and unwraps secrets", () => {
        const report = buildInventory(
            programRun([
                resource("aws:ec2/instance:Instance", "v-unknown-zone", {
                    region: "us-east-1",
                    inputs: { availabilityZone: UNKNOWN, tags: { "virtengine:role": "validator" } },
                }),
                validator("v-bad-power", "us-east-1", "us-east-1a", undefined, "lots"),
                resource("aws:ec2/instance:Instance", "v-secret-tags", {
                    region: "eu-west-1",
                    inputs: {
                        availabilityZone: "eu-west-1b",
                        tags: {
                            "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270",
                            value: { "virtengine:role": "validator", "virtengine:voting-power": "2" },
                        },
                    },
                }),
                resource("aws:autoscaling/group:Group", "asg", {
                    region: "eu-west-1",
                    inputs: { minSize: UNKNOWN, tags: [{ key: "virtengine:role", value: "full-node" }] },
                }),
            ]),
            config,
        );
        expect(report.totalVotingPower).toBe(4);
        expect(report.regions["eu-west-1"]).toMatchObject({
            votingPower: 2,
            validatorZones: ["eu-west-1b"],
            fullNodes: 0,
        });
        expect(report.regions["us-east-1"].validatorZones).toEqual(["us-east-1a"]);
        expect(report.warnings).toEqual([
            "validator v-unknown-zone: its Availability Zone is not known until deployment",
            'validator v-bad-power: voting power tag "lots" is not a number; counted as 1',
            "full-node group asg: minSize is not known until deployment; counted as 0",
        ]);
    });

    it("lists regions that appear only in resources after the configured ones", () => {
        const report = buildInventory(programRun([validator("v", "sa-east-1", "sa-east-1a")]), config);
        expect(Object.keys(report.regions)).toEqual(["us-east-1", "eu-west-1", "sa-east-1"]);
        expect(report.regions["sa-east-1"]).toMatchObject({ role: null, validatorShare: 1 });
    });
});
