// jest's node environment, plus `sharedRuns`: a store that outlives the test
// file. jest loads the environment module once per worker process, while
// every test file gets a fresh module registry and global object; so a
// whole-stack run recorded by one file can be read by the next file on the
// same worker instead of being built again (see tests/helpers/shared-run.ts).
import { TestEnvironment } from "jest-environment-node";

/**
 * Recorded runs by their options, as text (each file parses its own copy into
 * its own realm), and the state of the sources they were recorded from: an
 * in-band watch run keeps this module, so runs of edited code must not be served.
 */
const sharedRuns: { sources?: string; runs: Map<string, Promise<string>> } = { runs: new Map() };

export default class SharedRunsEnvironment extends TestEnvironment {
    constructor(...args: ConstructorParameters<typeof TestEnvironment>) {
        super(...args);
        this.global.sharedRuns = sharedRuns;
    }
}
