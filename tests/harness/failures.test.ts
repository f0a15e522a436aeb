/**
 * @jest-environment ./tests/harness/host-process-environment.ts
 */
import { runIsolated, testProgram } from "./run-isolated";

// The engine fails a run that the SDK under mocks would carry on from with
// resources silently missing. runProgram must fail it too, in both modes.
const run = (file: string, preview: boolean) =>
    runIsolated({ project: "harness", stack: "test", config: {}, preview, program: testProgram(file) });

describe.each([
    ["preview", true],
    ["update", false],
])("runProgram in %s mode", (_mode, preview) => {
    it("runs a clean program and records every resource", async () => {
        const recorded = await run("clean.ts", preview);
        expect(recorded.resources.map((r) => r.name)).toEqual(["us-east-1", "logs", "derived"]);
    });

    it("fails when an apply callback throws, naming the error", async () => {
        await expect(run("throwing-apply.ts", preview)).rejects.toThrow(/apply refused logs/);
    });

    it("fails on a lookup the mocks cannot answer, naming the token and where to add it", async () => {
        await expect(run("unanswered-invoke.ts", preview)).rejects.toThrow(
            /cannot answer the lookup aws:route53\/getZone:getZone.*mock-state\/invokes\.ts/s,
        );
    });

    it("fails when two resources share a URN", async () => {
        await expect(run("duplicate-urn.ts", preview)).rejects.toThrow(
            /duplicate resource URN urn:pulumi:test::harness::aws:cloudwatch\/logGroup:LogGroup::twice/,
        );
    });
});

describe("runProgram in update mode", () => {
    it("fails a registration whose computed state the mocks refuse to invent", async () => {
        await expect(run("unknown-region-alb.ts", false)).rejects.toThrow(
            /no ALB canonical hosted zone id for region "xx-nowhere-1".*regional-ids\.ts/s,
        );
    });

    it("answers what providers compute, so consumers get values", async () => {
        const recorded = await run("clean.ts", false);
        const derived = recorded.resources.find((r) => r.name === "derived");
        expect(derived?.inputs.name).toBe("app-logs-copy");
    });
});
