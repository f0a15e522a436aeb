import * as path from "node:path";
import { runProgram, type ProgramRun, type RecordedResource } from "../../tools/harness/run-program";

/**
 * Runs a small program that builds one component (a file under
 * `tests/<area>/programs/`) under the same mocks and recorder as the stack,
 * so a component is tested alone: build it, check what it made. One run per
 * test file (jest gives each file its own module registry).
 */
export function runComponent(program: string, options: { preview?: boolean; config?: Record<string, string> } = {}) {
    return runProgram({
        project: "virtengine",
        stack: "test",
        config: options.config ?? {},
        preview: options.preview ?? true,
        program: path.resolve(program),
    });
}

/** Queries over a component run. */
export class Made {
    constructor(public readonly run: ProgramRun) {}

    ofType(type: string): RecordedResource[] {
        return this.run.resources.filter((r) => r.type === type);
    }

    one(type: string, nameEndsWith = ""): RecordedResource {
        const found = this.ofType(type).filter((r) => r.name.endsWith(nameEndsWith));
        if (found.length !== 1) throw new Error(`expected one ${type} named *${nameEndsWith}, found ${found.length}`);
        return found[0];
    }

    byUrn(urn: string): RecordedResource {
        const found = this.run.resources.find((r) => r.urn === urn);
        if (!found) throw new Error(`no resource ${urn}`);
        return found;
    }
}
