import * as path from "node:path";
import { analyzer, startPackInProcess } from "../../tools/harness/policy-internals";

// Every @pulumi/policy and analyzer-protocol internal the in-process pack run
// relies on, checked against the installed packages: after an upgrade, a
// failure here names what moved.

const PACK_DIR = path.resolve(__dirname, "../../policies");

/** The grpc-js Server prototype @pulumi/policy serves with, resolved as it does. */
function grpcServerPrototype(): Record<string, unknown> {
    const policyEntry = require.resolve("@pulumi/policy", { paths: [PACK_DIR] });
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const grpc = require(require.resolve("@grpc/grpc-js", { paths: [path.dirname(policyEntry)] })) as {
        Server: { prototype: Record<string, unknown> };
    };
    return grpc.Server.prototype;
}

describe("startPackInProcess", () => {
    it("captures the pack's analyzer handlers, then puts grpc-js and the working directory back", () => {
        const proto = grpcServerPrototype();
        const before = { addService: proto.addService, bindAsync: proto.bindAsync, cwd: process.cwd() };
        const handlers = startPackInProcess(PACK_DIR);
        for (const method of ["analyze", "analyzeStack", "configure", "getAnalyzerInfo"]) {
            expect(typeof handlers[method]).toBe("function");
        }
        expect({ addService: proto.addService, bindAsync: proto.bindAsync, cwd: process.cwd() }).toEqual(before);
    });

    it("says so when the directory creates no pack, and still puts grpc-js back", () => {
        const proto = grpcServerPrototype();
        const addService = proto.addService;
        const dir = path.resolve(__dirname, "packs/not-a-pack");
        expect(() => startPackInProcess(dir)).toThrow(`${dir} did not create a PolicyPack`);
        expect(proto.addService).toBe(addService);
    });
});

describe("the analyzer protocol messages", () => {
    it.each([
        "AnalyzeRequest",
        "AnalyzeStackRequest",
        "AnalyzerInfo",
        "AnalyzerResource",
        "AnalyzerResourceOptions",
        "AnalyzerProviderResource",
        "AnalyzerPropertyDependencies",
        "ConfigureAnalyzerRequest",
        "PolicyConfig",
    ])("has %s", (message) => {
        expect(typeof (analyzer as unknown as Record<string, unknown>)[message]).toBe("function");
    });

    it("has the enforcement levels the pack's config uses", () => {
        expect(Object.keys(analyzer.EnforcementLevel)).toEqual(
            expect.arrayContaining(["ADVISORY", "MANDATORY", "DISABLED", "REMEDIATE"]),
        );
    });
});
