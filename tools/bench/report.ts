import type { Summary } from "./measure";

export interface TargetCheck {
    target: string;
    value: string;
    pass: boolean;
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

/** The human-readable report: medians per case and floor, then PASS/FAIL per target. */
export function renderTable(reports: CaseReport[], runs: number): string {
    const rows = [["case", "resources", "plan time", "process time", "peak RSS", "program plan time / this"]];
    const row = (label: string, s: Summary, ratio: string) =>
        rows.push([label, String(s.resources), ms(s.runMs), ms(s.processMs), mib(s.maxRssKiB), ratio]);
    for (const r of reports) {
        row(r.name, r.program, "");
        rows.push(["  pack + report", "", ms(r.program.reportMs), "", "", ""]);
        if (r.endToEndMs !== undefined) rows.push(["  plan CLI end to end", "", "", ms(r.endToEndMs), "", ""]);
        row("  floor", r.floor, (r.program.runMs / r.floor.runMs).toFixed(2));
        row("  sdk minimum", r.dummy, (r.program.runMs / r.dummy.runMs).toFixed(2));
    }
    const checks = [["case", "target", "measured", ""]];
    for (const r of reports) {
        for (const c of r.checks) checks.push([r.name, c.target, c.value, c.pass ? "PASS" : "FAIL"]);
    }
    return [
        `Median of ${runs} run(s), each in a fresh process (node ${process.version}).`,
        `plan time: around runProgram in the child; process time: spawn to exit.`,
        `pack + report: after the run, the policy pack (analyzer handlers) and the inventory with cost and region loss.`,
        `plan CLI end to end: the real \`npm run plan\` command (without npm), process start to exit, JSON output.`,
        `floor: the SDK alone registering the program's resources (same @pulumi/aws classes and inputs, flat, nothing else).`,
        `sdk minimum: the SDK registering as many one-property dummy resources (for reference, no target).`,
        "",
        table(rows),
        "",
        table(checks),
    ].join("\n");
}
