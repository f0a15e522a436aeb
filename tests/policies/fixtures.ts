import type { RecordedResource } from "../../tools/harness/run-program";
import { UNKNOWN } from "../../tools/harness/run-program";

/*
 * A fixture factory for the policy tests: resources shaped as the harness
 * records them in a preview (ids and ARNs unknown, links only through
 * propertyDependencies), built from a short description of the topology.
 * `topology()` with no arguments is a healthy stack every policy accepts;
 * each test changes one thing.
 */

const STACK = "urn:pulumi:test::virtengine";
const urnOf = (type: string, name: string) => `${STACK}::${type}::${name}`;

export interface RegionSpec {
    /** Zone letter per validator, e.g. ["a", "b"]; each may carry options. */
    validators?: (string | ValidatorSpec)[];
    /** Zones of the VPC's subnets (letters). Default a, b. */
    zones?: string[];
    /** Zones the full-node group spans (letters). Default: all the region's zones. */
    fullNodeZones?: string[];
    /** The full-node group's minSize. Default 2. */
    fullNodes?: number;
}

export interface ValidatorSpec {
    zone: string;
    power?: string;
    instanceType?: string;
    publicIp?: boolean;
    rootEncrypted?: boolean;
    httpTokens?: string;
    protect?: boolean;
    /** Override the zone input with Pulumi's unknown marker (the subnet still knows it). */
    zoneUnknown?: boolean;
}

const DEFAULT_TOPOLOGY: Record<string, RegionSpec> = {
    "us-east-1": { validators: ["a", "b"] },
    "eu-west-1": { validators: ["a", "b"] },
    "ap-south-1": { validators: ["a", "b"] },
    "us-west-2": { validators: ["a"] },
};

/** A resource as the harness records it, with defaults for what a test does not care about. */
export function resource(
    type: string,
    name: string,
    inputs: Record<string, unknown>,
    extra: Partial<RecordedResource> = {},
): RecordedResource {
    return {
        urn: urnOf(type, name),
        type,
        name,
        custom: true,
        parent: "",
        provider: "",
        inputs,
        protect: false,
        ignoreChanges: [],
        dependencies: [],
        propertyDependencies: {},
        ...extra,
    };
}

/** Builds the resources of a stack with the given regions (default: 2/2/2/1 validators over 4 regions). */
export function topology(regions: Record<string, RegionSpec> = DEFAULT_TOPOLOGY): RecordedResource[] {
    const out: RecordedResource[] = [];
    for (const [region, spec] of Object.entries(regions)) {
        const provider = resource("pulumi:providers:aws", `${region}-provider`, { region });
        out.push(provider);
        const ref = `${provider.urn}::${region}-provider-id`;
        const inRegion = { provider: ref, providerRegion: region };
        const vpc = resource("aws:ec2/vpc:Vpc", `${region}-vpc`, { cidrBlock: "10.0.0.0/16" }, inRegion);
        out.push(vpc);

        const subnets = new Map<string, RecordedResource>();
        for (const letter of spec.zones ?? ["a", "b"]) {
            const subnet = resource(
                "aws:ec2/subnet:Subnet",
                `${region}-private-${letter}`,
                { vpcId: UNKNOWN, availabilityZone: `${region}${letter}`, mapPublicIpOnLaunch: false },
                { ...inRegion, propertyDependencies: { vpcId: [vpc.urn] } },
            );
            subnets.set(letter, subnet);
            out.push(subnet);
        }
        const subnetFor = (letter: string) => {
            const s = subnets.get(letter);
            if (!s) throw new Error(`fixture: ${region} has no subnet in zone ${letter}`);
            return s;
        };

        (spec.validators ?? []).forEach((v, i) => {
            const opts: ValidatorSpec = typeof v === "string" ? { zone: v } : v;
            const tags: Record<string, string> = { Name: `${region}-validator-${i}`, "virtengine:role": "validator" };
            if (opts.power !== undefined) tags["virtengine:voting-power"] = opts.power;
            const name = `${region}-validator-${i}-${region}${opts.zone}`;
            const validator = resource(
                "aws:ec2/instance:Instance",
                name,
                {
                    instanceType: opts.instanceType ?? "r6i.2xlarge",
                    availabilityZone: opts.zoneUnknown ? UNKNOWN : `${region}${opts.zone}`,
                    subnetId: UNKNOWN,
                    associatePublicIpAddress: opts.publicIp ?? false,
                    metadataOptions: { httpTokens: opts.httpTokens ?? "required", httpEndpoint: "enabled" },
                    rootBlockDevice: { encrypted: opts.rootEncrypted ?? true, volumeType: "gp3", volumeSize: 100 },
                    tags,
                },
                {
                    ...inRegion,
                    protect: opts.protect ?? true,
                    propertyDependencies: { subnetId: [subnetFor(opts.zone).urn] },
                },
            );
            out.push(validator);
            out.push(
                resource(
                    "aws:ebs/volume:Volume",
                    `${name}-data`,
                    {
                        availabilityZone: `${region}${opts.zone}`,
                        encrypted: true,
                        kmsKeyId: UNKNOWN,
                        type: "gp3",
                        size: 1000,
                        tags: { "virtengine:role": "validator" },
                    },
                    { ...inRegion, protect: opts.protect ?? true },
                ),
            );
        });

        const groupZones = spec.fullNodeZones ?? spec.zones ?? ["a", "b"];
        const template = resource(
            "aws:ec2/launchTemplate:LaunchTemplate",
            `${region}-full-node`,
            {
                instanceType: "r6i.xlarge",
                metadataOptions: { httpTokens: "required", httpEndpoint: "enabled" },
                blockDeviceMappings: [{ deviceName: "/dev/sda1", ebs: { encrypted: "true", volumeSize: 50 } }],
                tags: { "virtengine:role": "full-node" },
            },
            inRegion,
        );
        out.push(template);
        out.push(
            resource(
                "aws:autoscaling/group:Group",
                `${region}-full-node-asg`,
                {
                    minSize: spec.fullNodes ?? 2,
                    maxSize: 10,
                    vpcZoneIdentifiers: groupZones.map(() => UNKNOWN),
                    launchTemplate: { id: UNKNOWN, version: "$Latest" },
                    tags: [{ key: "virtengine:role", value: "full-node", propagateAtLaunch: true }],
                },
                {
                    ...inRegion,
                    propertyDependencies: {
                        vpcZoneIdentifiers: groupZones.map((z) => subnetFor(z).urn),
                        launchTemplate: [template.urn],
                    },
                },
            ),
        );
    }
    return out;
}

/** The named resource of a fixture stack, to change one input. */
export function find(resources: readonly RecordedResource[], name: string): RecordedResource {
    const found = resources.find((r) => r.name === name);
    if (!found) throw new Error(`fixture has no resource named ${name}`);
    return found;
}

/** Provider options that put a new resource in one of a fixture stack's regions. */
export function inRegion(resources: readonly RecordedResource[], region: string): Partial<RecordedResource> {
    const provider = find(resources, `${region}-provider`);
    return { provider: `${provider.urn}::${region}-provider-id`, providerRegion: region };
}
