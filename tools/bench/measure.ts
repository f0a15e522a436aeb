import { spawn } from "node:child_process";
import * as path from "node:path";
import { performance } from "node:perf_hooks";
import { RESULT_MARKER, type CaseResult } from "./case";

/** One run of a case: what the child measured plus the parent's view of the whole process. */
export interface Sample extends CaseResult {
    /** Spawn to exit, in ms: node + tsx startup, module loading, the run, exit. */
    processMs: number;
}

/** Median of each metric over the runs (metrics taken independently). */
export interface Summary {
    runMs: number;
    runCpuMs: number;
    /** Median of the samples' `reportMs`; 0 for cases that do not report. */
    reportMs: number;
    processMs: number;
    maxRssKiB: number;
    resources: number;
    samples: Sample[];
}

const CASE_SCRIPT = path.join(__dirname, "case.ts");
/** A run that takes this long is hung (e.g. an output that never resolves), not slow. */
const CHILD_TIMEOUT_MS = 5 * 60_000;

/**
 * Runs case.ts once in a fresh node. `process.execPath` is the node running
 * the bench (Node 24 under `npm run`), with the plan's own node settings.
 */
export function runChild(args: string[]): Promise<Sample> {
    return new Promise((resolve, reject) => {
        const start = performance.now();
        const child = spawn(process.execPath, [...PLAN_NODE_FLAGS, CASE_SCRIPT, ...args], {
            cwd: path.resolve(__dirname, "../.."),
            stdio: ["ignore", "pipe", "pipe"],
            timeout: CHILD_TIMEOUT_MS,
        });
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
        child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
        child.on("error", reject);
        child.on("close", (code, signal) => {
            const processMs = performance.now() - start;
            const line = stdout.split("\n").find((l) => l.startsWith(`${RESULT_MARKER} `));
            if (code !== 0 || !line) {
                reject(
                    new Error(
                        `case ${args.join(" ")} failed (exit ${code ?? signal}):\n${stderr.trim() || stdout.trim()}`,
                    ),
                );
                return;
            }
            const result = JSON.parse(line.slice(RESULT_MARKER.length + 1)) as CaseResult;
            resolve({ ...result, processMs });
        });
    });
}

/**
 * Node settings of the plan, for every measured process alike. `--expose-gc`
 * lets the harness collect once a run is recorded (see releaseProgram in
 * tools/harness/run-program.ts): about 0.5 GB less peak memory on the 20 x 50
 * stack, for one full collection. V8's own young-generation size is kept: a
 * 1 MiB one (`--max-semi-space-size=1`, used before) made the 20 x 50 plan
 * take about 2.5 times the CPU (thousands of scavenges, each promoting nearly
 * everything) for a peak that varied between 1.1 and 1.75 GB from run to run;
 * see README "Performance".
 */
export const PLAN_NODE_FLAGS = ["--expose-gc", "--import", "tsx"];

/** The plan's own command line, as `npm run plan` runs it (package.json's "plan" script; a test keeps them equal). */
export const PLAN_COMMAND = [...PLAN_NODE_FLAGS, "tools/plan/cli.ts"];

/**
 * Runs the real plan CLI once, start to exit (program, pack, report and
 * rendering), and returns the wall time in ms. Its output is discarded; a
 * non-zero exit is an error, since a failing plan is not a plan to time.
 */
export function runCli(args: string[]): Promise<number> {
    return new Promise((resolve, reject) => {
        const start = performance.now();
        const env = { ...process.env };
        delete env.npm_lifecycle_event;
        const child = spawn(process.execPath, [...PLAN_COMMAND, ...args], {
            cwd: path.resolve(__dirname, "../.."),
            stdio: ["ignore", "ignore", "pipe"],
            timeout: CHILD_TIMEOUT_MS,
            env,
        });
        let stderr = "";
        child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
        child.on("error", reject);
        child.on("close", (code, signal) => {
            if (code !== 0) {
                reject(new Error(`plan ${args.join(" ")} failed (exit ${code ?? signal}):\n${stderr.trim()}`));
                return;
            }
            resolve(performance.now() - start);
        });
    });
}

export function median(values: number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * The medians of one case's samples (each metric taken independently). The
 * samples come from interleaved repetitions (see bench.ts), so a change in
 * the machine's load falls on every case alike.
 */
export function summarize(label: string, samples: Sample[]): Summary {
    const counts = new Set(samples.map((s) => s.resources));
    if (counts.size > 1) {
        // The program is deterministic; differing counts mean a run was not the same plan.
        throw new Error(`case ${label} registered different resource counts: ${[...counts].join(", ")}`);
    }
    return {
        runMs: median(samples.map((s) => s.runMs)),
        runCpuMs: median(samples.map((s) => s.runCpuMs)),
        reportMs: median(samples.map((s) => s.reportMs ?? 0)),
        processMs: median(samples.map((s) => s.processMs)),
        maxRssKiB: median(samples.map((s) => s.maxRssKiB)),
        resources: samples[0].resources,
        samples,
    };
}
