import { runProgram, type ProgramRun, type RunProgramOptions } from "../../tools/harness/run-program";
import { runIsolated } from "../harness/run-isolated";

/*
 * Whole-stack runs shared between the test files of a jest worker. Building
 * the production stack under the mocks takes seconds, and many files only
 * read it; the first file on a worker to ask builds it, the others parse the
 * recorded text (tests/setup/shared-runs-environment.ts keeps it). Only what
 * the run recorded is shared, never live objects: each file gets its own
 * copy, so a test that changes its copy changes nobody else's.
 */

/** Whether the program has run in this module registry (it can run once per registry). */
let ranInThisRegistry = false;

/** Runs a program in this file: in its own registry the first time, in a fresh one after that. */
export function runInThisFile(options: RunProgramOptions): Promise<ProgramRun> {
    if (ranInThisRegistry) return runIsolated(options);
    ranInThisRegistry = true;
    return runProgram(options);
}

/** The run `options` record, built at most once per worker while the environment keeps a store. */
export async function sharedRun(options: RunProgramOptions): Promise<ProgramRun> {
    const store = (globalThis as { sharedRuns?: Map<string, Promise<string>> }).sharedRuns;
    if (!store) return runInThisFile(options);
    const key = JSON.stringify(options);
    let text = store.get(key);
    if (!text) {
        text = runInThisFile(options).then(encodeRun);
        store.set(key, text);
        // A failed build is this file's failure; the next file tries again.
        text.catch(() => store.delete(key));
    }
    return decodeRun(await text);
}

// JSON drops undefined properties; the recorder sets some (`providerRegion`), so they travel as a marker.
const UNDEFINED = "\u0000undefined";

/** A recorded run as text. Throws on anything JSON would not carry back as it was. */
export function encodeRun(run: ProgramRun): string {
    return JSON.stringify(run, function (this: Record<string, unknown>, key, value: unknown) {
        const raw = this[key];
        if (raw === undefined) return UNDEFINED;
        if (value === UNDEFINED) throw new Error(`cannot share a run: ${key} holds the undefined marker`);
        if (typeof raw === "number" && !Number.isFinite(raw)) throw new Error(`cannot share a run: ${key} is ${raw}`);
        if (typeof raw === "function" || typeof raw === "symbol" || typeof raw === "bigint") {
            throw new Error(`cannot share a run: ${key} is a ${typeof raw}`);
        }
        if (typeof raw === "object" && raw !== null) {
            const kind = Object.prototype.toString.call(raw);
            const proto = Object.getPrototypeOf(raw) as { constructor?: { name?: string } } | null;
            const plain = proto === null || ["Object", "Array"].includes(proto.constructor?.name ?? "");
            if (!plain || !["[object Object]", "[object Array]"].includes(kind)) {
                throw new Error(`cannot share a run: ${key} is a ${kind}`);
            }
        }
        return value;
    });
}

/** The run again, in this file's realm, with its undefined properties back. */
export function decodeRun(text: string): ProgramRun {
    const restore = (value: unknown): unknown => {
        if (value === UNDEFINED) return undefined;
        if (Array.isArray(value)) {
            for (let i = 0; i < value.length; i++) value[i] = restore(value[i]);
        } else if (typeof value === "object" && value !== null) {
            const record = value as Record<string, unknown>;
            for (const k of Object.keys(record)) record[k] = restore(record[k]);
        }
        return value;
    };
    return restore(JSON.parse(text)) as ProgramRun;
}
