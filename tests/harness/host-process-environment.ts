// jest's node environment, plus `hostProcess`: the real process object.
// Tests see a copy of `process` whose listeners the real process never
// calls; the harness failure tests need the real one to quiet the unhandled
// rejections the Pulumi SDK leaves behind a failed registration (as the
// language host's handler would), after runProgram has already reported it.
import { TestEnvironment } from "jest-environment-node";

export default class HostProcessEnvironment extends TestEnvironment {
    constructor(...args: ConstructorParameters<typeof TestEnvironment>) {
        super(...args);
        this.global.hostProcess = process;
    }
}
