import * as path from "node:path";
import type { ProgramRun, RunProgramOptions } from "../../tools/harness/run-program";

/**
 * Runs a program with a fresh module registry, so one test file can run
 * several programs (or one program in both modes): the program and the SDK
 * are loaded anew each time, as in a new `pulumi` process.
 *
 * A failed registration leaves rejected SDK promises nobody awaits (its
 * outputs' `isKnown`/`isSecret`); the language host would print them, jest
 * would pin them on the test. runProgram reports the failure itself, so in a
 * test file with `@jest-environment ./tests/harness/host-process-environment.ts`
 * they are quieted while the run settles.
 */
export async function runIsolated(options: RunProgramOptions): Promise<ProgramRun> {
    const host = (globalThis as { hostProcess?: NodeJS.Process }).hostProcess;
    const jestListeners = host?.listeners("unhandledRejection") ?? [];
    const quiet = () => undefined;
    if (host) {
        host.removeAllListeners("unhandledRejection");
        host.on("unhandledRejection", quiet);
    }
    let run: Promise<ProgramRun> | undefined;
    try {
        await jest.isolateModulesAsync(async () => {
            const { runProgram } = await import("../../tools/harness/run-program");
            run = runProgram(options);
            await run.catch(() => undefined);
        });
        await new Promise((resolve) => setImmediate(resolve));
    } finally {
        if (host) {
            host.off("unhandledRejection", quiet);
            for (const listener of jestListeners) host.on("unhandledRejection", listener as () => void);
        }
    }
    return run!;
}

/** A throwaway program under tests/harness/programs. */
export const testProgram = (file: string) => path.resolve(__dirname, "programs", file);
