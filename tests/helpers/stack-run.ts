import { runProgram, type ProgramRun, type RecordedResource } from "../../tools/harness/run-program";
import { engineConfig, rawStackConfig } from "./fixtures";
import type { RawConfig } from "../../config/schema";

/** Runs the real program on a stack's config (or a given one) under mocks. Once per test file. */
export function runStack(stack: "production" | "staging", options: { preview?: boolean; raw?: RawConfig } = {}) {
    return runProgram({
        project: "virtengine",
        stack,
        config: engineConfig(options.raw ?? rawStackConfig(stack)),
        preview: options.preview ?? true,
    });
}

/** Queries over a recorded run. */
export class Inventory {
    private readonly byUrn: Map<string, RecordedResource>;

    constructor(public readonly run: ProgramRun) {
        this.byUrn = new Map(run.resources.map((r) => [r.urn, r]));
    }

    ofType(type: string): RecordedResource[] {
        return this.run.resources.filter((r) => r.type === type);
    }

    get(urn: string): RecordedResource {
        const found = this.byUrn.get(urn);
        if (!found) throw new Error(`no resource ${urn}`);
        return found;
    }

    /** The chain of parents, nearest first. */
    ancestors(resource: RecordedResource): RecordedResource[] {
        const chain: RecordedResource[] = [];
        for (let p = resource.parent; p; p = this.get(p).parent) chain.push(this.get(p));
        return chain;
    }

    /** The region code of the Region component a resource sits under, if any. */
    regionComponentOf(resource: RecordedResource): string | undefined {
        return this.ancestors(resource).find((a) => a.type === "virtengine:region:Region")?.name;
    }

    /** Resources of a type whose Region ancestor is `region`. */
    inRegion(type: string, region: string): RecordedResource[] {
        return this.ofType(type).filter((r) => this.regionComponentOf(r) === region);
    }

    /** The resource an input was computed from (preview: the value itself is unknown). */
    dependencyOf(resource: RecordedResource, input: string): RecordedResource[] {
        return (resource.propertyDependencies[input] ?? []).map((urn) => this.get(urn));
    }
}

export function tag(resource: RecordedResource, key: string): string | undefined {
    const tags = resource.inputs.tags;
    if (Array.isArray(tags)) return (tags as { key: string; value: string }[]).find((t) => t.key === key)?.value;
    return (tags as Record<string, string> | undefined)?.[key];
}

export const T = {
    instance: "aws:ec2/instance:Instance",
    volume: "aws:ebs/volume:Volume",
    launchTemplate: "aws:ec2/launchTemplate:LaunchTemplate",
    asg: "aws:autoscaling/group:Group",
    subnet: "aws:ec2/subnet:Subnet",
    nat: "aws:ec2/natGateway:NatGateway",
    sg: "aws:ec2/securityGroup:SecurityGroup",
    ingress: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
    egress: "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
    peering: "aws:ec2/vpcPeeringConnection:VpcPeeringConnection",
    accepter: "aws:ec2/vpcPeeringConnectionAccepter:VpcPeeringConnectionAccepter",
    route: "aws:ec2/route:Route",
    kmsKey: "aws:kms/key:Key",
    flowLog: "aws:ec2/flowLog:FlowLog",
    endpoint: "aws:ec2/vpcEndpoint:VpcEndpoint",
    provider: "pulumi:providers:aws",
} as const;
