import type { ProgramRun, RecordedResource } from "../../tools/harness/run-program";
import { TYPES } from "../../tools/harness/recorded";
import { engineConfig, rawStackConfig } from "./fixtures";
import type { RawConfig } from "../../config/schema";
import { sharedRun } from "./shared-run";

/** Runs the real program on a stack's config (or a given one) under mocks; built once per jest worker (shared-run.ts). */
export function runStack(stack: "production" | "staging", options: { preview?: boolean; raw?: RawConfig } = {}) {
    return sharedRun({
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

/** One known tag of a recorded resource (either AWS tag shape). */
export { tagOf as tag } from "../../tools/harness/recorded";

/** Type tokens under the short names these tests use; the tokens themselves live in tools/harness/recorded. */
export const T = {
    instance: TYPES.instance,
    volume: TYPES.volume,
    launchTemplate: TYPES.launchTemplate,
    asg: TYPES.autoScalingGroup,
    subnet: TYPES.subnet,
    nat: TYPES.natGateway,
    sg: TYPES.securityGroup,
    ingress: TYPES.ingressRule,
    egress: TYPES.egressRule,
    peering: TYPES.peering,
    accepter: TYPES.peeringAccepter,
    route: TYPES.route,
    kmsKey: TYPES.kmsKey,
    flowLog: TYPES.flowLog,
    endpoint: TYPES.vpcEndpoint,
    provider: TYPES.provider,
} as const;
