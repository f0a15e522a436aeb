import { disableSdkDebugging } from "./sdk-internals";

/**
 * Runs `build` with the Pulumi SDK's debugging aids switched off, then puts
 * them back. Offline runs only: the real engine path never calls this.
 *
 * For every promise it makes the SDK records a stack trace and tracks it for
 * leak reports (`debuggablePromise`), and for every resource it captures the
 * full call stack to send as its source position (`Resource.stackTrace`).
 * Nothing offline reads either, and together they were about half the time
 * and a quarter of the memory of a 6,700-resource plan (see tools/bench). The
 * SDK looks both up at call time, so replacing them here takes effect; the
 * recorded resources are identical either way. `onRejected`: see
 * disableSdkDebugging.
 */
export async function withLeanSdk<T>(build: () => Promise<T>, onRejected?: (err: unknown) => void): Promise<T> {
    const restore = disableSdkDebugging(onRejected);
    try {
        return await build();
    } finally {
        restore();
    }
}
