import type { ProgramFailedError } from "../harness/run-program";
import { wrap } from "./text";

/** The frames of an error's stack (`    at ...` lines), without its message. */
function frames(err: Error): string[] {
    return (err.stack ?? "").split("\n").filter((line) => /^\s+at /.test(line));
}

/**
 * What stderr says when the program failed as a real deployment would (an
 * `apply` threw, a lookup went unanswered): that it was the program, not the
 * plan, with each error on its own entry naming the resource it failed, then
 * the stack of the first error that has one, which says where it was thrown.
 * Messages are wrapped to the report's width; stack frames are kept whole, as
 * tools and editors read them.
 */
export function programFailureLines(err: ProgramFailedError): string[] {
    const [heading, ...errors] = err.message.split("\n").filter((line) => line.trim() !== "");
    const lines = [...wrap(`plan: ${heading}`), ...errors.flatMap((line) => wrap(line, undefined, "      "))];
    const thrown = err.causes.find((cause) => frames(cause).length > 0);
    if (thrown) {
        lines.push(...wrap(`  where the first error was thrown (${thrown.name}):`), ...frames(thrown));
    }
    return lines;
}
