import type { Summary } from "./measure";

export interface TargetCheck {
    target: string;
    value: string;
    pass: boolean;
    /**
     * For an absolute target (time, memory): the floor's own value, when the
     * floor alone misses the target. No program made of these resources can
     * meet it then; the check still fails, and says so.
     */
    unreachable?: string;
}

export interface CaseReport {
    name: string;
    program: Summary;
    /** The same resources registered flat with no program around them: the target's floor. */
    floor: Summary;
    /** As many one-property dummy resources: what the SDK costs at the very least, for reference. */
    dummy: Summary;
    /** The plan CLI's whole process (start to exit), median ms; for cases with an end-to-end target. */
    endToEndMs?: number;
    checks: TargetCheck[];
}

/** Left-aligns the first column and right-aligns the others, so numbers line up. */
function table(rows: string[][]): string {
    const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
    return rows
        .map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join("  "))
        .join("\n");
}

const ms = (v: number) => `${v.toFixed(0)} ms`;
export const mib = (kib: number) => `${(kib / 1024).toFixed(0)} MiB`;

/** The machine's 1-minute load average when the bench started and ended, and its cores. */
export interface MachineLoad {
    before: number;
    after: number;
    cores: number;
}

/** The human-readable report: medians per case and floor, then PASS/FAIL per target. */
export function renderTable(reports: CaseReport[], runs: number, load: MachineLoad): string {
    const rows = [
        ["case", "resources", "plan time", "plan CPU", "process time", "peak RSS", "program plan time / this"],
    ];
    const row = (label: string, s: Summary, ratio: string) =>
        rows.push([label, String(s.resources), ms(s.runMs), ms(s.runCpuMs), ms(s.processMs), mib(s.maxRssKiB), ratio]);
    for (const r of reports) {
        row(r.name, r.program, "");
        rows.push(["  pack + report", "", ms(r.program.reportMs), "", "", "", ""]);
        if (r.endToEndMs !== undefined) rows.push(["  plan CLI end to end", "", "", "", ms(r.endToEndMs), "", ""]);
        row("  floor", r.floor, (r.program.runMs / r.floor.runMs).toFixed(2));
        row("  sdk minimum", r.dummy, (r.program.runMs / r.dummy.runMs).toFixed(2));
    }
    const checks = [["case", "target", "measured", ""]];
    const notes: string[] = [];
    for (const r of reports) {
        for (const c of r.checks) {
            checks.push([r.name, c.target, c.value, c.pass ? "PASS" : c.unreachable ? "FAIL*" : "FAIL"]);
            if (c.unreachable) notes.push(`* ${r.name}, ${c.target}: ${c.unreachable}`);
        }
    }
    return [
        `Median of ${runs} run(s), each in a fresh process (node ${process.version}).`,
        `Load average ${load.before.toFixed(2)} at the start, ${load.after.toFixed(2)} at the end, on ${load.cores} cores: ` +
            `above the core count, other processes shared the CPU and the times are inflated.`,
        `plan time: around runProgram in the child; plan CPU: the process's CPU time (all threads) over the same span; process time: spawn to exit.`,
        `pack + report: after the run, the policy pack (analyzer handlers) and the inventory with cost and region loss.`,
        `plan CLI end to end: the real \`npm run plan\` command (without npm), process start to exit, JSON output.`,
        `floor: the SDK alone registering the program's resources (same @pulumi/aws classes and inputs, flat, nothing else).`,
        `sdk minimum: the SDK registering as many one-property dummy resources (for reference, no target).`,
        "",
        table(rows),
        "",
        table(checks),
        ...(notes.length > 0 ? ["", ...notes] : []),
    ].join("\n");
}
