import type { ProgramRun, RecordedResource } from "../../tools/harness/run-program";

/** A hand-made program run, for inventory and render tests that need no real program. */
export function resource(
    type: string,
    name: string,
    options: { parent?: string; region?: string; inputs?: Record<string, unknown>; custom?: boolean } = {},
): RecordedResource {
    const custom = options.custom ?? !type.startsWith("virtengine:");
    return {
        urn: `urn:pulumi:test::virtengine::${type}::${name}`,
        type,
        name,
        custom,
        parent: options.parent ?? "",
        provider: options.region ? `urn:pulumi:test::virtengine::pulumi:providers:aws::${options.region}::id` : "",
        providerRegion: options.region,
        inputs: options.inputs ?? {},
        protect: false,
        ignoreChanges: [],
        dependencies: [],
        propertyDependencies: {},
    };
}

export function programRun(resources: RecordedResource[]): ProgramRun {
    return { project: "virtengine", stack: "test", preview: true, resources, invokes: [], outputNames: [] };
}

export const validator = (name: string, region: string, zone: string, parent?: string, power?: string) =>
    resource("aws:ec2/instance:Instance", name, {
        region,
        parent,
        inputs: {
            availabilityZone: zone,
            tags: {
                "virtengine:role": "validator",
                ...(power === undefined ? {} : { "virtengine:voting-power": power }),
            },
        },
    });
