/**
 * @jest-environment ./tests/harness/host-process-environment.ts
 */
import type { ProgramFailedError } from "../../tools/harness/run-program";
import { runIsolated, testProgram } from "./run-isolated";

/** The error a run that must fail rejects with. */
const failure = (run: Promise<unknown>) =>
    run.then(
        () => {
            throw new Error("the run succeeded");
        },
        (e: unknown) => e as ProgramFailedError,
    );

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

    it("fails when an apply callback throws, naming the resource, the error and where it was thrown", async () => {
        const failed = await failure(run("throwing-apply.ts", preview));
        expect(failed.errors).toEqual([
            'aws:cloudwatch/logGroup:LogGroup "behind-the-apply": error serializing property "name": apply refused logs',
        ]);
        expect(failed.causes[0].stack).toMatch(/\n\s+at .*throwing-apply\.ts:\d+/);
    });

    it("fails on a lookup the mocks cannot answer, naming the token and where to add it", async () => {
        const failed = await failure(run("unanswered-invoke.ts", preview));
        expect(failed.message).toMatch(
            /cannot answer the lookup aws:route53\/getZone:getZone.*mock-state\/invokes\.ts/s,
        );
        // The record behind the lookup fails with an empty message: said so, never an empty entry.
        expect(failed.errors[1]).toBe(
            'aws:route53/record:Record "www": error serializing property "zoneId": ' +
                "failed without a message (most likely because of an error above)",
        );
    });

    it("fails on a read of an existing resource, which only a real account could answer", async () => {
        await expect(run("reads-existing.ts", preview)).rejects.toThrow(
            /cannot read the existing aws:ec2\/vpc:Vpc "existing" \(id vpc-0123456789abcdef0\)/,
        );
    });

    it("fails when the program logs an error, as the engine fails such an update", async () => {
        const stderr = jest.spyOn(console, "error").mockImplementation(() => undefined);
        await expect(run("logs-error.ts", preview)).rejects.toThrow(/the chain id is not registered/);
        stderr.mockRestore();
    });

    it("fails registrations whose inputs the provider or AWS would refuse, naming each", async () => {
        const error = await failure(run("refused-inputs.ts", preview));
        expect(error.message).toMatch(/"a-target-group-named-too-long": the provider would name it/);
        expect(error.message).toMatch(/"described": EC2 refuses the description "the chain's nodes"/);
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

describe("describeFailure", () => {
    it("names the resource first, and says so when a message is empty", async () => {
        const { describeFailure } = await import("../../tools/harness/run-program");
        const resource = { type: "aws:s3/bucket:Bucket", name: "logs" };
        expect(describeFailure({ err: new Error("bad\n  input"), resource })).toBe(
            'aws:s3/bucket:Bucket "logs": bad input',
        );
        expect(describeFailure({ err: new Error("") })).toBe(
            "failed without a message (most likely because of an error above)",
        );
    });
});

describe("ProgramFailedError", () => {
    it("lists the first ten errors and counts the rest, so a cascade stays readable", async () => {
        const { ProgramFailedError } = await import("../../tools/harness/run-program");
        const errors = Array.from({ length: 25 }, (_, i) => `error ${i + 1}`);
        const lines = new ProgramFailedError(errors).message.split("\n");
        expect(lines[0]).toBe("the program failed as a real deployment would (25 errors):");
        expect(lines.slice(1)).toEqual([...errors.slice(0, 10).map((e) => `  ${e}`), "  ... and 15 more"]);
    });
});
