import * as pulumi from "@pulumi/pulumi";
import * as resproto from "@pulumi/pulumi/proto/resource_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import {
    disableSdkDebugging,
    onResourceFailure,
    onSdkLogError,
    readInvokeRequest,
    readRegisterRequest,
    releaseMockMonitorState,
    responseUrn,
    waitForRPCs,
    wrapMonitorHandler,
} from "../../tools/harness/sdk-internals";

// Every SDK internal the harness relies on, checked against the installed
// @pulumi/pulumi: after an upgrade, a failure here names what moved.

// eslint-disable-next-line @typescript-eslint/no-require-imports
const debuggable = require("@pulumi/pulumi/runtime/debuggable") as { debuggablePromise: unknown };

describe("disableSdkDebugging", () => {
    it("switches off promise and resource stack capture, and puts them back", () => {
        const saved = { limit: Error.stackTraceLimit, dp: debuggable.debuggablePromise };
        const restore = disableSdkDebugging();
        // Errors keep their stacks: a program failure is reported with its stack trace.
        expect(Error.stackTraceLimit).toBe(saved.limit);
        expect(debuggable.debuggablePromise).not.toBe(saved.dp);
        expect((pulumi.Resource as unknown as { stackTrace: () => unknown[] }).stackTrace()).toEqual([]);
        restore();
        expect(Error.stackTraceLimit).toBe(saved.limit);
        expect(debuggable.debuggablePromise).toBe(saved.dp);
    });
});

describe("onSdkLogError", () => {
    it("sees what the SDK logs at error severity", async () => {
        const seen: string[] = [];
        const errorOut = jest.spyOn(console, "error").mockImplementation(() => undefined);
        const stop = onSdkLogError((m) => seen.push(m));
        await pulumi.log.error("the engine would fail this update");
        stop();
        await pulumi.log.error("not seen after stop");
        errorOut.mockRestore();
        expect(seen).toEqual(["the engine would fail this update"]);
    });
});

describe("onResourceFailure", () => {
    it("sees a failed preparation through runtime/state.failPendingRegistration", () => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const state = require("@pulumi/pulumi/runtime/state") as {
            failPendingRegistration: (res: unknown, err: unknown) => void;
        };
        const seen: unknown[] = [];
        const stop = onResourceFailure((e) => seen.push(e));
        const failure = new Error("inputs failed");
        state.failPendingRegistration({}, failure);
        stop();
        state.failPendingRegistration({}, new Error("after stop"));
        expect(seen).toEqual([failure]);
    });

    it("names the resource whose preparation failed, from the SDK's resource object", () => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const state = require("@pulumi/pulumi/runtime/state") as {
            failPendingRegistration: (res: unknown, err: unknown) => void;
        };
        const seen: unknown[] = [];
        const stop = onResourceFailure((_e, resource) => seen.push(resource));
        state.failPendingRegistration({ __pulumiType: "aws:s3/bucket:Bucket", __name: "logs" }, new Error("x"));
        state.failPendingRegistration({}, new Error("y"));
        stop();
        expect(seen).toEqual([{ type: "aws:s3/bucket:Bucket", name: "logs" }, undefined]);
    });

    it("sees a failed resource operation through runtime/rpc.suppressUnhandledGrpcRejections", async () => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const rpc = require("@pulumi/pulumi/runtime/rpc") as {
            suppressUnhandledGrpcRejections: (p: Promise<unknown>) => Promise<unknown>;
        };
        const seen: unknown[] = [];
        const stop = onResourceFailure((e) => seen.push(e));
        const failure = new Error("operation failed");
        await rpc.suppressUnhandledGrpcRejections(Promise.reject(failure)).catch(() => undefined);
        stop();
        expect(seen).toEqual([failure]);
    });
});

describe("the mock monitor and its requests", () => {
    beforeAll(async () => {
        await pulumi.runtime.setMocks(
            { newResource: (a) => ({ id: `${a.name}-id`, state: a.inputs }), call: (a) => a.inputs },
            "p",
            "s",
            false,
        );
    });

    it("has the handlers the harness wraps, and refuses one it does not have", () => {
        for (const name of ["registerResource", "invoke", "readResource"] as const) {
            expect(() => wrapMonitorHandler(name, (h) => h)).not.toThrow();
        }
        expect(() => wrapMonitorHandler("nope" as "invoke", (h) => h)).toThrow(/mock monitor handler "nope"/);
    });

    it("reads a RegisterResourceRequest through its protobuf getters", () => {
        const req = new resproto.RegisterResourceRequest();
        req.setType("aws:s3/bucket:Bucket");
        req.setName("logs");
        req.setCustom(true);
        req.setParent("urn:parent");
        req.setProvider("urn:provider::id");
        req.setObject(Struct.fromJavaScript({ bucket: "b" }));
        req.setProtect(true);
        req.setIgnorechangesList(["tags"]);
        req.setDependenciesList(["urn:dep"]);
        const deps = new resproto.RegisterResourceRequest.PropertyDependencies();
        deps.setUrnsList(["urn:dep"]);
        req.getPropertydependenciesMap().set("bucket", deps);
        expect(readRegisterRequest(req as never)).toEqual({
            type: "aws:s3/bucket:Bucket",
            name: "logs",
            custom: true,
            parent: "urn:parent",
            provider: "urn:provider::id",
            inputs: { bucket: "b" },
            protect: true,
            ignoreChanges: ["tags"],
            dependencies: ["urn:dep"],
            propertyDependencies: { bucket: ["urn:dep"] },
        });
        const res = new resproto.RegisterResourceResponse();
        res.setUrn("urn:x");
        expect(responseUrn(res as never)).toBe("urn:x");
    });

    it("reads a ResourceInvokeRequest through its protobuf getters", () => {
        const req = new resproto.ResourceInvokeRequest();
        req.setTok("aws:index/getPartition:getPartition");
        req.setArgs(Struct.fromJavaScript({ a: 1 }));
        req.setProvider("urn:provider::id");
        expect(readInvokeRequest(req as never)).toEqual({
            token: "aws:index/getPartition:getPartition",
            args: { a: 1 },
            provider: "urn:provider::id",
        });
    });

    it("empties the mock monitor's copy of registered state", async () => {
        class Kept extends pulumi.CustomResource {}
        new Kept("test:index:Kept", "k", { big: "x".repeat(1000) });
        await waitForRPCs();
        const monitor = pulumi.runtime.getMonitor() as unknown as { resources: Map<string, unknown> };
        expect(monitor.resources.size).toBeGreaterThan(0);
        releaseMockMonitorState();
        expect(monitor.resources.size).toBe(0);
    });

    it("waits for outstanding registrations", async () => {
        class Thing extends pulumi.CustomResource {}
        const thing = new Thing("test:index:Thing", "t", { v: 1 });
        await waitForRPCs();
        let urn: string | undefined;
        thing.urn.apply((u) => (urn = u));
        await waitForRPCs();
        expect(urn).toBe("urn:pulumi:s::p::test:index:Thing::t");
    });
});
