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
 */
import * as pulumi from "@pulumi/pulumi";

// The generated protobuf classes are untyped here; only their getters are used.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Message = { [getter: string]: (...args: any[]) => any };
type Callback = (err: unknown, res?: Message) => void;
type Handler = (req: Message, callback: Callback) => void;

/** The mock monitor handlers the harness wraps, by the names the SDK calls them. */
export const MONITOR_HANDLERS = ["registerResource", "invoke", "readResource"] as const;
export type MonitorHandlerName = (typeof MONITOR_HANDLERS)[number];

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
 * (`debuggablePromise`, `Resource.stackTrace`, `Error.stackTraceLimit`);
 * returns the function that puts them back. With `onRejected`, every SDK
 * promise that rejects (a failed registration's URN, id and outputs, a failed
 * lookup) is reported there and counts as handled: the run fails through the
 * caller instead of through unhandled rejections nobody may be listening for.
 */
export function disableSdkDebugging(onRejected?: (err: unknown) => void): () => void {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const debuggable = require("@pulumi/pulumi/runtime/debuggable") as Debuggable;
    const resource = pulumi.Resource as unknown as WithStackTrace;
    const saved = {
        stackTraceLimit: Error.stackTraceLimit,
        debuggablePromise: debuggable.debuggablePromise,
        stackTrace: resource.stackTrace,
    };
    Error.stackTraceLimit = 0;
    debuggable.debuggablePromise = onRejected
        ? (p) => {
              p.catch(onRejected);
              return p;
          }
        : (p) => p;
    resource.stackTrace = () => [];
    return () => {
        Error.stackTraceLimit = saved.stackTraceLimit;
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

/**
 * Calls `onError` with the error of every resource registration that fails:
 * while its inputs are prepared (`runtime/state.failPendingRegistration`, e.g.
 * an input's `apply` threw) or in the operation itself
 * (`runtime/rpc.suppressUnhandledGrpcRejections`, which every resource
 * operation passes through). Returns the function that removes the hooks.
 */
export function onResourceFailure(onError: (err: unknown) => void): () => void {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const rpc = require("@pulumi/pulumi/runtime/rpc") as Rpc;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const state = require("@pulumi/pulumi/runtime/state") as State;
    const saved = {
        suppress: requireFunction(rpc.suppressUnhandledGrpcRejections, "runtime/rpc.suppressUnhandledGrpcRejections"),
        fail: requireFunction(state.failPendingRegistration, "runtime/state.failPendingRegistration"),
    };
    rpc.suppressUnhandledGrpcRejections = <T>(p: Promise<T>) => {
        p.catch(onError);
        return p;
    };
    state.failPendingRegistration = (res, err) => {
        onError(err);
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
    const monitor = pulumi.runtime.getMonitor() as unknown as Record<string, Handler>;
    const original = requireFunction(monitor[name], `a mock monitor handler "${name}"`);
    monitor[name] = wrap(original.bind(monitor));
}

/** What a `RegisterResourceRequest` asks the engine for. */
export interface RegisterRequest {
    type: string;
    name: string;
    custom: boolean;
    parent: string;
    provider: string;
    inputs: Record<string, unknown>;
    protect: boolean;
    ignoreChanges: string[];
    dependencies: string[];
    propertyDependencies: Record<string, string[]>;
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
        dependencies: req.getDependenciesList(),
        propertyDependencies,
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
