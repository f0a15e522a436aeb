import * as pulumi from "@pulumi/pulumi";

// The program validates config itself and throws a RunError; the plan checks
// first, but if the two ever disagree the program's message must still reach
// the user without a stack trace. runProgram is replaced to provoke that.
const runProgram = jest.fn();
jest.mock("../../tools/harness/run-program", () => ({
    ...jest.requireActual<object>("../../tools/harness/run-program"),
    runProgram,
}));

import { main, run } from "../../tools/plan/cli";

let stdout: jest.SpyInstance;
let stderr: jest.SpyInstance;
beforeEach(() => {
    runProgram.mockReset();
    stdout = jest.spyOn(process.stdout, "write").mockImplementation(() => true);
    stderr = jest.spyOn(process.stderr, "write").mockImplementation(() => true);
});
afterEach(() => jest.restoreAllMocks());

const written = (spy: jest.SpyInstance) => spy.mock.calls.map(([chunk]) => String(chunk)).join("");

describe("plan main()", () => {
    it("prints a RunError from the program as a user error: exit 2, message only", async () => {
        runProgram.mockRejectedValueOnce(
            new pulumi.RunError("invalid stack configuration (1 problem):\nvirtengine:x: bad"),
        );
        await expect(main(["--stack", "staging"])).resolves.toBe(2);
        expect(written(stderr)).toBe("invalid stack configuration (1 problem):\nvirtengine:x: bad\n");
        expect(written(stdout)).toBe("");
    });

    it("wraps an error line wider than 100 columns, keeping one entry per problem", async () => {
        const problem = `virtengine:flowLogRetentionDays: must be one of ${"1, 3, 5, 7, 14, 30, ".repeat(8)}(got .inf)`;
        runProgram.mockRejectedValueOnce(
            new pulumi.RunError(`invalid stack configuration (2 problems):\n${problem}\nnext: bad`),
        );
        await expect(main(["--stack", "staging"])).resolves.toBe(2);
        const lines = written(stderr).trimEnd().split("\n");
        expect(lines.every((l) => l.length <= 100)).toBe(true);
        // Continuations are indented, so each problem still starts at column 0.
        expect(lines.filter((l) => !l.startsWith(" "))).toEqual([
            "invalid stack configuration (2 problems):",
            expect.stringMatching(/^virtengine:flowLogRetentionDays: must be one of 1, 3,/),
            "next: bad",
        ]);
        expect(lines.at(-2)).toMatch(/^ {4}.*\(got \.inf\)$/);
    });

    it("lets an unexpected error through, for the exit-3 handler", async () => {
        runProgram.mockRejectedValueOnce(new TypeError("boom"));
        await expect(main([])).rejects.toThrow("boom");
    });

    it("prints the help for --help, and plans nothing", async () => {
        await expect(main(["--help"], {})).resolves.toBe(0);
        expect(written(stdout)).toMatch(/^usage: npm run plan -- [\s\S]*\nExit codes:\n/);
        expect(runProgram).not.toHaveBeenCalled();
    });

    it.each([
        ["beside a flag npm kept for itself", ["--help"], { npm_config_stack: "staging" }],
        ["beside a bad argument", ["--format", "yaml", "-h"], {}],
    ])("prints the help and exits 0 %s", async (_, argv, env) => {
        await expect(main(argv, env)).resolves.toBe(0);
        expect(written(stdout)).toMatch(/^usage: npm run plan -- /);
        expect(written(stderr)).toBe("");
        expect(runProgram).not.toHaveBeenCalled();
    });

    it("refuses a flag npm kept for itself before reading the arguments it left behind: exit 2", async () => {
        // `npm run plan --stack staging`: npm sets npm_config_stack=true and passes "staging" on.
        await expect(main(["staging"], { npm_config_stack: "true" })).resolves.toBe(2);
        expect(written(stderr)).toMatch(/^--stack was taken by npm \(npm_config_stack\): put it after --/);
        expect(written(stderr)).not.toMatch(/unexpected argument/);
        expect(runProgram).not.toHaveBeenCalled();
    });

    it("after a stray argument under npm run, says the -- may be missing; not outside npm", async () => {
        await expect(main(["json"], { npm_lifecycle_event: "plan" })).resolves.toBe(2);
        await expect(main(["json"], {})).resolves.toBe(2);
        const lines = written(stderr).split("\n");
        expect(lines.filter((l) => l.includes("put them after --"))).toHaveLength(1);
        expect(lines[1]).toMatch(/npm kept them: put them after --$/);
    });

    it("checks the --compare and --policy-config files before the program runs, naming each", async () => {
        await expect(main(["--compare", "base.json"], {})).resolves.toBe(2);
        await expect(main(["--policy-config", "p.json"], {})).resolves.toBe(2);
        expect(written(stderr)).toBe("--compare base.json: no such file\n--policy-config p.json: no such file\n");
        expect(runProgram).not.toHaveBeenCalled();
    });
});

describe("plan run(): the exit code of the whole command", () => {
    it("exits 3 on an internal error, with the error and its stack trace", async () => {
        runProgram.mockRejectedValueOnce(new TypeError("boom"));
        await expect(run(["--stack", "staging"], {})).resolves.toBe(3);
        expect(written(stderr)).toMatch(
            /^plan: internal error \(a bug in the plan, not in your input\): TypeError: boom\n\s+at /,
        );
    });

    it("exits 3 when the program failed, saying so (not a bug in the plan), with the errors and a stack", async () => {
        const { ProgramFailedError } = jest.requireActual<typeof import("../../tools/harness/run-program")>(
            "../../tools/harness/run-program",
        );
        const thrown = new Error("apply refused logs");
        const long = `aws:cloudwatch/logGroup:LogGroup "behind-the-apply": ${"very ".repeat(30)}long`;
        runProgram.mockRejectedValueOnce(new ProgramFailedError([long, "second"], [thrown]));
        await expect(run(["--stack", "staging"], {})).resolves.toBe(3);
        const lines = written(stderr).trimEnd().split("\n");
        expect(lines[0]).toBe("plan: the program failed as a real deployment would (2 errors):");
        expect(written(stderr)).not.toMatch(/a bug in the plan/);
        expect(lines).toContain("  second");
        expect(lines).toContain("  where the first error was thrown (Error):");
        expect(lines.at(-1)).toMatch(/^\s+at /);
        const messages = lines.filter((l) => !/^\s+at /.test(l));
        expect(messages.every((l) => l.length <= 100 && l.trim() !== "")).toBe(true);
        // The long entry continues on indented lines under its own "  " entry.
        expect(messages[1]).toMatch(/^ {2}aws:cloudwatch/);
        expect(messages[2]).toMatch(/^ {6}very/);
    });

    it("passes main's own exit codes through: 2 for the user's mistake", async () => {
        runProgram.mockRejectedValueOnce(
            new pulumi.RunError("invalid stack configuration (1 problem):\nvirtengine:x: bad"),
        );
        await expect(run(["--stack", "staging"], {})).resolves.toBe(2);
        await expect(run(["--bogus"], {})).resolves.toBe(2);
    });
});

describe("plan main(): warnings about the configured stack", () => {
    // Only the clock is faked (to a day past 1.35's standard support); timers and I/O run as usual.
    beforeEach(() => {
        jest.useFakeTimers({
            now: new Date("2027-04-01T12:00:00Z"),
            doNotFake: [
                "hrtime",
                "nextTick",
                "performance",
                "queueMicrotask",
                "setImmediate",
                "clearImmediate",
                "setInterval",
                "clearInterval",
                "setTimeout",
                "clearTimeout",
            ],
        });
    });
    afterEach(() => jest.useRealTimers());

    it("warns when the configured Kubernetes version has left EKS standard support", async () => {
        // An empty program run: the warning comes from the config and the date, not from what the program built.
        runProgram.mockResolvedValueOnce({
            project: "virtengine",
            stack: "staging",
            preview: true,
            resources: [],
            invokes: [],
            outputNames: [],
        });
        await main(["--stack", "staging", "--format", "json"]);
        const report = JSON.parse(written(stdout));
        expect(report.warnings).toContainEqual(
            expect.stringMatching(/^virtengine:kubernetesVersion 1\.35 left EKS standard support on 2027-03-27/),
        );
    });
});
