import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { withLeanSdk } from "./lean-sdk";
import { awsMocks } from "./mocks";

/** The value Pulumi puts where an input is not known until deployment. */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** A resource as the program registered it with the engine. */
export interface RecordedResource {
    urn: string;
    type: string;
    name: string;
    custom: boolean;
    /** Parent URN; empty for a root resource. */
    parent: string;
    /** Provider reference `<urn>::<id>`; empty when the default provider would be used. */
    provider: string;
    /** Region of that provider, when it is an AWS provider with a region. */
    providerRegion?: string;
    /** Inputs exactly as sent to the engine: unknowns are `UNKNOWN`, secrets are wrapped. */
    inputs: Record<string, unknown>;
    protect: boolean;
    ignoreChanges: string[];
    /** The `deleteBeforeReplace` option; absent when false. */
    deleteBeforeReplace?: boolean;
    dependencies: string[];
    /** For each input, the URNs it was computed from. */
    propertyDependencies: Record<string, string[]>;
}

/** A lookup (`aws.get*`) as the program made it. */
export interface RecordedInvoke {
    token: string;
    args: Record<string, unknown>;
    provider: string;
    providerRegion?: string;
}

export interface ProgramRun {
    project: string;
    stack: string;
    preview: boolean;
    resources: RecordedResource[];
    invokes: RecordedInvoke[];
    /** The program module's exports (stack outputs, still as Outputs). */
    exports: Record<string, unknown>;
}

export interface RunProgramOptions {
    /** Pulumi project name (Pulumi.yaml `name`). */
    project: string;
    stack: string;
    /** Engine config: `virtengine:regions` -> JSON text, as the CLI passes it. */
    config: Record<string, string>;
    /** Preview (dry run) or update mode. Default: preview. */
    preview?: boolean;
    /** The program's entry point. Default: the repository's index.ts. */
    program?: string;
}

/** Splits a provider reference `<urn>::<id>` into its URN. */
export function providerUrn(ref: string): string {
    const cut = ref.lastIndexOf("::");
    return cut > 0 ? ref.slice(0, cut) : ref;
}

// The generated protobuf classes are untyped here; only their getters are used.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Req = { [method: string]: () => any };

/**
 * Runs the real program under Pulumi's mocks and records every resource and
 * lookup as the engine would receive them (type, name, inputs, parent,
 * provider, protect, dependencies). One run per module registry: the program
 * is a module with side effects, so callers that run it twice must reset the
 * registry (jest does per test file; the CLIs run once per process).
 */
export async function runProgram(options: RunProgramOptions): Promise<ProgramRun> {
    const preview = options.preview ?? true;
    const resources: RecordedResource[] = [];
    const invokes: RecordedInvoke[] = [];
    const providerRegions = new Map<string, string>();
    const regionOf = (ref: string | undefined) => (ref ? providerRegions.get(providerUrn(ref)) : undefined);

    await pulumi.runtime.setMocks(awsMocks(regionOf, preview), options.project, options.stack, preview);
    pulumi.runtime.setAllConfig(options.config);

    // Record what the engine would be sent: wrap the mock monitor's handlers.
    const monitor = pulumi.runtime.getMonitor() as unknown as Record<
        string,
        (req: Req, cb: (err: unknown, res?: Req) => void) => void
    >;
    const register = monitor.registerResource.bind(monitor);
    monitor.registerResource = (req, callback) =>
        register(req, (err, res) => {
            if (!err && res) {
                const type: string = req.getType();
                const inputs = (req.getObject()?.toJavaScript() ?? {}) as Record<string, unknown>;
                const urn: string = res.getUrn();
                if (type.startsWith("pulumi:providers:") && typeof inputs.region === "string") {
                    providerRegions.set(urn, inputs.region);
                }
                const propertyDependencies: Record<string, string[]> = {};
                req.getPropertydependenciesMap().forEach((deps: { getUrnsList(): string[] }, key: string) => {
                    propertyDependencies[key] = deps.getUrnsList();
                });
                const provider: string = req.getProvider();
                resources.push({
                    urn,
                    type,
                    name: req.getName(),
                    custom: req.getCustom(),
                    parent: req.getParent(),
                    provider,
                    providerRegion: regionOf(provider),
                    inputs,
                    protect: req.getProtect() === true,
                    ignoreChanges: req.getIgnorechangesList(),
                    ...(req.getDeletebeforereplace() === true ? { deleteBeforeReplace: true } : {}),
                    dependencies: req.getDependenciesList(),
                    propertyDependencies,
                });
            }
            callback(err, res);
        });
    const invoke = monitor.invoke.bind(monitor);
    monitor.invoke = (req, callback) => {
        const provider: string = req.getProvider();
        invokes.push({
            token: req.getTok(),
            args: (req.getArgs()?.toJavaScript() ?? {}) as Record<string, unknown>,
            provider,
            providerRegion: regionOf(provider),
        });
        invoke(req, callback);
    };

    return withLeanSdk(async () => {
        const programPath = options.program ?? path.resolve(__dirname, "../../index.ts");
        // The program is loaded like `pulumi up` loads it: as a module, for its side effects.
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const exports = require(programPath) as Record<string, unknown>;
        await waitForRegistrations();
        return { project: options.project, stack: options.stack, preview, resources, invokes, exports };
    });
}

/** Waits until the SDK's queue of engine calls has drained. */
export async function waitForRegistrations(): Promise<void> {
    // `waitForRPCs` is what `pulumi.runtime.disconnect` awaits before closing;
    // we want the wait without closing the (mock) monitor.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const settings = require("@pulumi/pulumi/runtime/settings") as { waitForRPCs(): Promise<void> };
    await settings.waitForRPCs();
}
