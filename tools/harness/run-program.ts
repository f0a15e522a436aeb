import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { regionOfClusterIdentifier } from "../../components/kubernetes/cluster-identifier";
import { withLeanSdk } from "./lean-sdk";
import { awsMocks } from "./mocks";
import {
    type FailedResource,
    onResourceFailure,
    onSdkLogError,
    readInvokeRequest,
    readReadRequest,
    readRegisterRequest,
    type RegisterRequest,
    releaseMockMonitorState,
    responseUrn,
    waitForRPCs,
    wrapMonitorHandler,
} from "./sdk-internals";

import { providerUrn } from "./recorded/values";

export { providerUrn, UNKNOWN } from "./recorded/values";

/** A resource as the program registered it with the engine: its request, the URN the engine gave it, and where it lands. */
export interface RecordedResource extends RegisterRequest {
    urn: string;
    /** Region of its provider, when that is an AWS provider with a region (or a Kubernetes provider on a cluster). */
    providerRegion?: string;
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
    /** The names the program module exports (its stack outputs). The values are not kept: see releaseProgram. */
    outputNames: string[];
}

export interface RunProgramOptions {
    /** Pulumi project name (Pulumi.yaml `name`). */
    project: string;
    stack: string;
    /** Engine config: `virtengine:regions` -> JSON text, as the CLI passes it. */
    config: Record<string, string>;
    /** Config keys the program must see as secrets (`secure:` values in the stack file). */
    secretKeys?: string[];
    /** Preview (dry run) or update mode. Default: preview. */
    preview?: boolean;
    /** The program's entry point. Default: the repository's index.ts. */
    program?: string;
}

const MAX_ERRORS_SHOWN = 10;

/**
 * The program failed where a real `pulumi up` or `pulumi preview` would have
 * failed: an `apply` callback threw, a registration or lookup failed, or the
 * SDK logged an error. Lists every distinct error seen, each prefixed with the
 * resource it failed (`<type> "<name>": ...`) where known; `causes` are the
 * original errors, whose stacks say where the program threw.
 */
export class ProgramFailedError extends Error {
    constructor(
        public readonly errors: readonly string[],
        public readonly causes: readonly Error[] = [],
    ) {
        // One failure usually drags its dependents down with it: the first few say why.
        const shown = errors.slice(0, MAX_ERRORS_SHOWN).map((e) => `  ${e}`);
        if (errors.length > MAX_ERRORS_SHOWN) shown.push(`  ... and ${errors.length - MAX_ERRORS_SHOWN} more`);
        super(
            `the program failed as a real deployment would (${errors.length} error${errors.length === 1 ? "" : "s"}):\n` +
                shown.join("\n"),
        );
        this.name = "ProgramFailedError";
    }
}

/** One failure, and the resource it failed when the SDK said which. */
interface Failure {
    err: unknown;
    resource?: FailedResource;
}

/**
 * One line for a failure: the resource it failed first, then the message. A
 * message that says nothing (a dependent of a failed lookup fails with an
 * empty one, which the SDK prefixes with the input's name) says so instead.
 */
export function describeFailure({ err, resource }: Failure): string {
    const raw = (err instanceof Error ? err.message : String(err)).replace(/\s+/g, " ").trim();
    const message = /(^|:)$/.test(raw)
        ? `${raw.replace(/:$/, "")}${raw === "" ? "" : ": "}failed without a message (most likely because of an error above)`
        : raw;
    return resource ? `${resource.type} "${resource.name}": ${message}` : message;
}

/** Errors raised while the program runs, in the order seen, once each. */
class FailureLog {
    private readonly seen = new Set<unknown>();
    readonly failures: Failure[] = [];

    add(err: unknown, resource?: FailedResource): void {
        if (this.seen.has(err)) return;
        this.seen.add(err);
        this.failures.push({ err, resource });
    }

    /** The error runProgram rejects with, if anything failed. */
    verdict(): Error | undefined {
        if (this.failures.length === 0) return undefined;
        // A check the program makes on its own input is the user's error: surface it as is.
        const user = this.failures.find(
            ({ err }) => pulumi.RunError.isInstance(err) || pulumi.ResourceError.isInstance(err),
        );
        if (user) return user.err as Error;
        const messages = this.failures.map(describeFailure);
        const causes = this.failures.map(({ err }) => err).filter((e): e is Error => e instanceof Error);
        return new ProgramFailedError([...new Set(messages)], causes);
    }
}

/**
 * Runs the real program under Pulumi's mocks and records every resource and
 * lookup as the engine would receive them (type, name, inputs, parent,
 * provider, protect, dependencies). One run per module registry: the program
 * is a module with side effects, so callers that run it twice must reset the
 * registry (jest does per test file; the CLIs run once per process).
 *
 * Fails (rejects) wherever the engine would fail the run: a registration the
 * mocks refuse, a duplicate URN, a lookup they cannot answer, an `apply` that
 * throws, an error the SDK logs. Under mocks the SDK would only drop the
 * affected resources and carry on.
 */
export async function runProgram(options: RunProgramOptions): Promise<ProgramRun> {
    const preview = options.preview ?? true;
    const resources: RecordedResource[] = [];
    const invokes: RecordedInvoke[] = [];
    const urns = new Set<string>();
    const providerRegions = new Map<string, string>();
    const regionOf = (ref: string | undefined) => (ref ? providerRegions.get(providerUrn(ref)) : undefined);
    const failures = new FailureLog();

    await pulumi.runtime.setMocks(awsMocks(regionOf, preview), options.project, options.stack, preview);
    pulumi.runtime.setAllConfig(options.config, options.secretKeys);

    // Record what the engine would be sent: wrap the mock monitor's handlers.
    wrapMonitorHandler(
        "registerResource",
        (register) => (req, callback) =>
            register(req, (err, res) => {
                if (err || !res) {
                    failures.add(err ?? new Error(`registering ${req.getType()} "${req.getName()}" returned nothing`));
                    return callback(err, res);
                }
                const request = readRegisterRequest(req);
                const urn = responseUrn(res);
                if (urns.has(urn)) {
                    // The engine refuses a second resource with the same URN.
                    const duplicate = new Error(`duplicate resource URN ${urn}: two resources share a type and name`);
                    failures.add(duplicate);
                    return callback(duplicate);
                }
                urns.add(urn);
                if (request.type.startsWith("pulumi:providers:") && typeof request.inputs.region === "string") {
                    providerRegions.set(urn, request.inputs.region);
                }
                // A Kubernetes provider has no region; its cluster identifier names the cluster's.
                const clusterRegion =
                    request.type === "pulumi:providers:kubernetes" &&
                    regionOfClusterIdentifier(request.inputs.clusterIdentifier);
                if (clusterRegion) providerRegions.set(urn, clusterRegion);
                resources.push({ urn, ...request, providerRegion: regionOf(request.provider) });
                callback(err, res);
            }),
    );
    wrapMonitorHandler("invoke", (invoke) => (req, callback) => {
        const request = readInvokeRequest(req);
        invokes.push({ ...request, providerRegion: regionOf(request.provider) });
        invoke(req, (err, res) => {
            if (err) failures.add(err);
            callback(err, res);
        });
    });

    // `Resource.get` and stack references read what exists in a real account or
    // another stack: there is no honest offline answer (the mocks would echo
    // the inputs back), so a read fails the run.
    wrapMonitorHandler("readResource", () => (req, callback) => {
        const read = readReadRequest(req);
        const refused = new Error(
            `the offline plan cannot read the existing ${read.type} "${read.name}" (id ${read.id || "none"}): ` +
                `it exists only in a real account or stack. Pass what the program needs from it in as config.`,
        );
        failures.add(refused);
        callback(refused);
    });

    // Where the SDK reports what it does not throw. A real engine fails the
    // update on an error log and on an unhandled rejection (the language host's
    // handler); under mocks both only print, or crash the process, or nothing.
    const stopLogHook = onSdkLogError((message) => failures.add(message));
    const stopOpHook = onResourceFailure((err, resource) => failures.add(err, resource));
    const onRejection = (reason: unknown) => failures.add(reason);
    process.on("unhandledRejection", onRejection);
    process.on("uncaughtException", onRejection);
    try {
        return await withLeanSdk(async () => {
            const programPath = options.program ?? path.resolve(__dirname, "../../index.ts");
            // The program is loaded like `pulumi up` loads it: as a module, for its side effects.
            // eslint-disable-next-line @typescript-eslint/no-require-imports
            const outputNames = Object.keys(require(programPath) as Record<string, unknown>);
            await waitForRegistrations();
            // Rejections nobody handled are reported after the current tasks: let them arrive.
            await new Promise((resolve) => setImmediate(resolve));
            const failed = failures.verdict();
            if (failed) throw failed;
            releaseProgram(programPath);
            return { project: options.project, stack: options.stack, preview, resources, invokes, outputNames };
        });
    } finally {
        process.off("unhandledRejection", onRejection);
        process.off("uncaughtException", onRejection);
        stopLogHook();
        stopOpHook();
    }
}

/**
 * Lets the garbage collector have the program's objects once they are
 * recorded: its module (whose scope holds every component, resource and
 * Output) leaves the module cache, and the mock monitor's copy of every
 * resource's state is emptied. Measured on the 20 x 50 stack, that frees
 * little by itself (live heap 311 MB before, 305 MB after); the collection
 * that follows is what matters: the heap is then about 1.4 GB, most of it
 * the SDK's spent promises, which V8 would keep under the policy pack and
 * the report until the heap had grown to about 2 GB.
 */
function releaseProgram(programPath: string): void {
    const cached = require.cache[programPath];
    if (cached) {
        delete require.cache[programPath];
        for (const parent of Object.values(require.cache)) {
            const at = parent?.children.indexOf(cached) ?? -1;
            if (at >= 0) parent!.children.splice(at, 1);
        }
    }
    releaseMockMonitorState();
    // With node's --expose-gc (the plan's node flags), collect now: by the end
    // of a run most of the heap is the SDK's spent promises, which V8 would
    // otherwise leave in place until the heap had grown well past them.
    (globalThis as { gc?: () => void }).gc?.();
}

/** Waits until the SDK's queue of engine calls has drained. */
export async function waitForRegistrations(): Promise<void> {
    await waitForRPCs();
}
