import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { runProgram, type ProgramRun, type RunProgramOptions } from "../../tools/harness/run-program";
import { runIsolated } from "../harness/run-isolated";
import { REPO_ROOT } from "./fixtures";

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

/** What the program is built from; a change to any of it (an edit, a checkout) makes every shared run stale. */
const SOURCES = ["index.ts", "components", "config", "tools", "package-lock.json"].map((p) => path.join(REPO_ROOT, p));

/** The state of the files under `roots`: path, size and modification time of each. */
export function sourcesFingerprint(roots: readonly string[]): string {
    const hash = createHash("sha256");
    const visit = (p: string) => {
        const stat = fs.statSync(p, { throwIfNoEntry: false });
        if (!stat) return;
        if (stat.isDirectory()) {
            for (const entry of fs.readdirSync(p).sort()) visit(path.join(p, entry));
        } else {
            hash.update(`${p}\0${stat.size}\0${stat.mtimeMs}\n`);
        }
    };
    roots.forEach(visit);
    return hash.digest("hex");
}

/** The store the test environment keeps (tests/setup/shared-runs-environment.ts), when it does. */
interface SharedRuns {
    sources?: string;
    runs: Map<string, Promise<string>>;
}

/** The run `options` record, built at most once per worker (and state of the sources) while the environment keeps a store. */
export async function sharedRun(options: RunProgramOptions): Promise<ProgramRun> {
    const store = (globalThis as { sharedRuns?: SharedRuns }).sharedRuns;
    if (!store) return runInThisFile(options);
    const sources = sourcesFingerprint(SOURCES);
    if (store.sources !== sources) {
        store.runs.clear();
        store.sources = sources;
    }
    const { runs } = store;
    const key = JSON.stringify(options);
    let text = runs.get(key);
    if (!text) {
        text = runInThisFile(options).then(encodeRun);
        runs.set(key, text);
        // A failed build is this file's failure; the next file tries again.
        text.catch(() => runs.delete(key));
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
