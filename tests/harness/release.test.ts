/**
 * @jest-environment ./tests/harness/host-process-environment.ts
 */
import { PLAN_NODE_FLAGS } from "../../tools/bench/measure";
import { runIsolated, testProgram } from "./run-isolated";

// By the end of a run most of the heap is the SDK's spent promises; V8 would
// leave them until the heap had grown far past them, under the policy pack
// and the report (about 0.5 GB more peak memory on the bench's 20 x 50 stack).
describe("after a run is recorded", () => {
    const saved = (globalThis as { gc?: () => void }).gc;
    afterEach(() => {
        (globalThis as { gc?: () => void }).gc = saved;
    });

    it("runProgram collects the garbage when node exposes gc", async () => {
        const gc = jest.fn();
        (globalThis as { gc?: () => void }).gc = gc;
        const run = await runIsolated({
            project: "harness",
            stack: "test",
            config: {},
            program: testProgram("clean.ts"),
        });
        expect(run.resources).toHaveLength(3);
        expect(gc).toHaveBeenCalledTimes(1);
    });

    it("the plan's node exposes gc", () => {
        expect(PLAN_NODE_FLAGS).toContain("--expose-gc");
    });
});
