/**
 * Every part of the Pulumi Node SDK that the offline harness uses beyond its
 * public API, in one place. A Pulumi upgrade that moves or renames one of
 * these breaks here, and tests/harness/sdk-internals.test.ts says which.
 *
 * What is used, and why:
 * - `runtime/settings.waitForRPCs`: what `pulumi.runtime.disconnect` awaits
 *   before closing; the harness wants the wait without the close.
 * - `runtime/debuggable.debuggablePromise` and `Resource.stackTrace`: looked
 *   up at call time by the SDK, so they can be switched off for speed.
 * - `log.error` (the module object the SDK itself calls through): where the
 *   SDK reports errors it does not throw, e.g. a failed invoke serialisation.
 * - `runtime/state.failPendingRegistration` and
 *   `runtime/rpc.suppressUnhandledGrpcRejections`: where a registration that
 *   fails passes (e.g. because an input's `apply` threw). The SDK otherwise
 *   leaves it to the process's unhandled-rejection handler, which the
 *   language host installs and mocks do not.
 * - The mock monitor's handler names (`registerResource`, `invoke`,
 *   `readResource`) and the protobuf getters of the requests and responses
 *   they receive: how the harness sees what the engine would be sent.
 * - Which heavy packages `@pulumi/pulumi` loads at import time for features
 *   an offline run never uses (see deferUnusedSdkDependencies).
 * - The mock monitor's `resources` map (every registered resource's state,
 *   kept for `getResource` lookups): emptied once a run is recorded.
 */
import * as path from "node:path";
import type * as Pulumi from "@pulumi/pulumi";

// Loaded on first use, so that deferUnusedSdkDependencies can run before the SDK loads.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const sdk = () => require("@pulumi/pulumi") as typeof Pulumi;

// The generated protobuf classes are untyped here; only their getters are used.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Message = { [getter: string]: (...args: any[]) => any };
type Callback = (err: unknown, res?: Message) => void;
type Handler = (req: Message, callback: Callback) => void;

/** The mock monitor handlers the harness wraps, by the names the SDK calls them. */
export const MONITOR_HANDLERS = ["registerResource", "invoke", "readResource"] as const;
export type MonitorHandlerName = (typeof MONITOR_HANDLERS)[number];

/**
 * Packages `@pulumi/pulumi` requires when it is imported, for function
 * serialisation (`typescript`, and `@npmcli/arborist` with its whole npm
 * client: sigstore, pacote, tar, ...) and the Automation API (`execa`). An
 * offline run uses none of them, and loading them was about half of the
 * SDK's import time.
 */
export const DEFERRED_SDK_DEPENDENCIES: readonly string[] = ["@npmcli/arborist", "typescript", "execa"];

type ModuleLoad = (request: string, parent: { filename?: string } | undefined, isMain: boolean) => unknown;

/**
 * Loads `@pulumi/pulumi` with DEFERRED_SDK_DEPENDENCIES deferred: the SDK's
 * modules get a stand-in that loads the real package on first use, so
 * nothing changes for code that does use them. Only has an effect when it
 * runs before anything else loads the SDK (the plan CLI and the bench call
 * it first); under jest, whose module registry bypasses Node's loader, it
 * does nothing.
 */
export function loadSdkWithDeferredDependencies(): typeof Pulumi {
    // The module object itself (not an import namespace, whose properties are read-only).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const loader = require("node:module") as { _load: ModuleLoad };
    const original = loader._load;
    const sdkDir = path.join(path.sep, "@pulumi", "pulumi", path.sep);
    loader._load = function (request, parent, isMain) {
        if (!DEFERRED_SDK_DEPENDENCIES.includes(request) || !parent?.filename?.includes(sdkDir)) {
            return original.call(this, request, parent, isMain);
        }
        let real: Record<string | symbol, unknown> | undefined;
        const load = () => (real ??= original.call(this, request, parent, isMain) as Record<string | symbol, unknown>);
        // `__esModule` answers without loading: TypeScript's import helpers and
        // module loaders ask for it at import time.
        return new Proxy(
            {},
            {
                get: (_target, key) => (key === "__esModule" ? true : load()[key]),
                has: (_target, key) => key in load(),
                ownKeys: () => Reflect.ownKeys(load()),
                getOwnPropertyDescriptor: (_target, key) => {
                    // Module loaders (tsx's among them) look for these as a module loads;
                    // none of the deferred packages defines "module.exports".
                    if (key === "__esModule") return { value: true, configurable: true, enumerable: false };
                    if (key === "module.exports") return undefined;
                    const d = Reflect.getOwnPropertyDescriptor(load(), key);
                    return d && { ...d, configurable: true };
                },
            },
        );
    };
    try {
        return sdk();
    } finally {
        loader._load = original;
    }
}

/** Waits until the SDK's queue of engine calls has drained, without closing the monitor. */
export async function waitForRPCs(): Promise<void> {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const settings = require("@pulumi/pulumi/runtime/settings") as { waitForRPCs(): Promise<void> };
    await settings.waitForRPCs();
}

type Debuggable = { debuggablePromise: <T>(p: Promise<T>, ctx: unknown) => Promise<T> };
type WithStackTrace = { stackTrace: (skip?: number) => unknown[] };

/**
 * Switches off the SDK's per-promise and per-resource stack capture
 * (`debuggablePromise`, `Resource.stackTrace`); returns the function that
 * puts them back. `Error.stackTraceLimit` is left alone: an error the
 * program throws (in an `apply`, say) must keep its stack for the report.
 */
export function disableSdkDebugging(): () => void {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const debuggable = require("@pulumi/pulumi/runtime/debuggable") as Debuggable;
    const resource = sdk().Resource as unknown as WithStackTrace;
    const saved = {
        debuggablePromise: debuggable.debuggablePromise,
        stackTrace: resource.stackTrace,
    };
    debuggable.debuggablePromise = (p) => p;
    resource.stackTrace = () => [];
    return () => {
        debuggable.debuggablePromise = saved.debuggablePromise;
        resource.stackTrace = saved.stackTrace;
    };
}

type LogModule = { error: (msg: string, ...rest: unknown[]) => Promise<void> };

/**
 * Calls `onError` with every message the SDK (or the program) logs at error
 * severity. Under a real engine such a message fails the update; under mocks
 * the SDK only prints it. Returns the function that removes the hook.
 */
export function onSdkLogError(onError: (message: string) => void): () => void {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const log = require("@pulumi/pulumi/log") as LogModule;
    const original = log.error;
    log.error = (msg, ...rest) => {
        onError(String(msg));
        return original.call(log, msg, ...rest);
    };
    return () => {
        log.error = original;
    };
}

type Rpc = { suppressUnhandledGrpcRejections: <T>(p: Promise<T>) => Promise<T> };
type State = { failPendingRegistration: (res: unknown, err: unknown) => void };

/** The resource whose registration failed, as the SDK's resource object names it. */
export interface FailedResource {
    type: string;
    name: string;
}

/** Type and name of an SDK resource object (its `__pulumiType` and `__name`), when it has them. */
function resourceOf(res: unknown): FailedResource | undefined {
    const r = res as { __pulumiType?: unknown; __name?: unknown } | undefined;
    return typeof r?.__pulumiType === "string" && typeof r.__name === "string"
        ? { type: r.__pulumiType, name: r.__name }
        : undefined;
}

/**
 * Calls `onError` with the error of every resource registration that fails:
 * while its inputs are prepared (`runtime/state.failPendingRegistration`, e.g.
 * an input's `apply` threw; the resource is passed too) or in the operation
 * itself (`runtime/rpc.suppressUnhandledGrpcRejections`, which every resource
 * operation passes through). Returns the function that removes the hooks.
 */
export function onResourceFailure(onError: (err: unknown, resource?: FailedResource) => void): () => void {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const rpc = require("@pulumi/pulumi/runtime/rpc") as Rpc;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const state = require("@pulumi/pulumi/runtime/state") as State;
    const saved = {
        suppress: requireFunction(rpc.suppressUnhandledGrpcRejections, "runtime/rpc.suppressUnhandledGrpcRejections"),
        fail: requireFunction(state.failPendingRegistration, "runtime/state.failPendingRegistration"),
    };
    rpc.suppressUnhandledGrpcRejections = <T>(p: Promise<T>) => {
        p.catch((err: unknown) => onError(err));
        return p;
    };
    state.failPendingRegistration = (res, err) => {
        onError(err, resourceOf(res));
        saved.fail.call(state, res, err);
    };
    return () => {
        rpc.suppressUnhandledGrpcRejections = saved.suppress;
        state.failPendingRegistration = saved.fail;
    };
}

function requireFunction<F>(value: F, name: string): F {
    if (typeof value !== "function") {
        throw new Error(`@pulumi/pulumi no longer has ${name}: update tools/harness/sdk-internals.ts`);
    }
    return value;
}

/**
 * Replaces a handler of the current mock monitor with `wrap(original)`.
 * Call after `pulumi.runtime.setMocks`.
 */
export function wrapMonitorHandler(name: MonitorHandlerName, wrap: (original: Handler) => Handler): void {
    const monitor = sdk().runtime.getMonitor() as unknown as Record<string, Handler>;
    const original = requireFunction(monitor[name], `a mock monitor handler "${name}"`);
    monitor[name] = wrap(original.bind(monitor));
}

/**
 * Empties the mock monitor's copy of every registered resource's state. The
 * harness has recorded what it needs; on a large stack the copy is memory
 * the policy pack and the report would otherwise run on top of.
 */
export function releaseMockMonitorState(): void {
    const monitor = sdk().runtime.getMonitor() as unknown as { resources?: Map<string, unknown> };
    if (!(monitor.resources instanceof Map)) {
        throw new Error("the Pulumi mock monitor has no resources map: update tools/harness/sdk-internals.ts");
    }
    monitor.resources.clear();
}

/** What a `RegisterResourceRequest` asks the engine for. */
export interface RegisterRequest {
    type: string;
    name: string;
    custom: boolean;
    /** Parent URN; empty for a root resource. */
    parent: string;
    /** Provider reference `<urn>::<id>`; empty when the default provider would be used. */
    provider: string;
    /** Inputs exactly as sent to the engine: unknowns are `UNKNOWN`, secrets are wrapped. */
    inputs: Record<string, unknown>;
    protect: boolean;
    ignoreChanges: string[];
    /** The `deleteBeforeReplace` option; absent when false. */
    deleteBeforeReplace?: boolean;
    dependencies: string[];
    /** For each input, the URNs it was computed from. */
    propertyDependencies: Record<string, string[]>;
    /** The provider plugin version the SDK asked for (`@pulumi/random` sends its own); names the default provider. Absent when none. */
    version?: string;
}

/** Reads a `RegisterResourceRequest` through its protobuf getters. */
export function readRegisterRequest(req: Message): RegisterRequest {
    const propertyDependencies: Record<string, string[]> = {};
    req.getPropertydependenciesMap().forEach((deps: Message, key: string) => {
        propertyDependencies[key] = deps.getUrnsList();
    });
    return {
        type: req.getType(),
        name: req.getName(),
        custom: req.getCustom(),
        parent: req.getParent(),
        provider: req.getProvider(),
        inputs: (req.getObject()?.toJavaScript() ?? {}) as Record<string, unknown>,
        protect: req.getProtect() === true,
        ignoreChanges: req.getIgnorechangesList(),
        ...(req.getDeletebeforereplace() === true ? { deleteBeforeReplace: true } : {}),
        dependencies: req.getDependenciesList(),
        propertyDependencies,
        ...(req.getVersion() ? { version: req.getVersion() as string } : {}),
    };
}

/** The URN in a `RegisterResourceResponse`. */
export function responseUrn(res: Message): string {
    return res.getUrn();
}

/** What a `ResourceInvokeRequest` (a lookup) asks for. */
export interface InvokeRequest {
    token: string;
    args: Record<string, unknown>;
    provider: string;
}

export function readInvokeRequest(req: Message): InvokeRequest {
    return {
        token: req.getTok(),
        args: (req.getArgs()?.toJavaScript() ?? {}) as Record<string, unknown>,
        provider: req.getProvider(),
    };
}

/** What a `ReadResourceRequest` (`Resource.get`) asks for. */
export function readReadRequest(req: Message): { type: string; name: string; id: string } {
    return { type: req.getType(), name: req.getName(), id: req.getId() };
}
