import * as pulumi from "@pulumi/pulumi";

// The program validates config itself and throws a RunError; the plan checks
// first, but if the two ever disagree the program's message must still reach
// the user without a stack trace. runProgram is replaced to provoke that.
const runProgram = jest.fn();
jest.mock("../../tools/harness/run-program", () => ({ runProgram }));

import { main } from "../../tools/plan/cli";

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

    it("lets an unexpected error through, for the exit-3 handler", async () => {
        runProgram.mockRejectedValueOnce(new TypeError("boom"));
        await expect(main([])).rejects.toThrow("boom");
    });

    it("prints the usage for --help", async () => {
        await expect(main(["--help"])).resolves.toBe(0);
        expect(written(stdout)).toMatch(/^usage: npm run plan -- /);
        expect(runProgram).not.toHaveBeenCalled();
    });
});
