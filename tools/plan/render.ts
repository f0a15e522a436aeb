import type { Format } from "./args";
import type { PlanReport } from "./report";

/** GitHub rejects comments over 65,536 characters; stay well below it. */
export const MARKDOWN_LIMIT = 60000;

const NO_REGION = "(no region)";

export function render(report: PlanReport, format: Format): string {
    switch (format) {
        case "json":
            return `${JSON.stringify(report, null, 2)}\n`;
        case "markdown":
            return renderMarkdown(report);
        case "text":
            return renderText(report);
    }
}

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;
const list = (items: readonly string[]) => items.join(", ") || "-";

/** The regions holding the largest share of voting power, for the summary line. */
function largestShare(report: PlanReport): string {
    const entries = Object.entries(report.regions);
    const max = Math.max(0, ...entries.map(([, r]) => r.validatorShare));
    if (max === 0) return "no validator voting power";
    const names = entries.filter(([, r]) => r.validatorShare === max).map(([name]) => name);
    return `largest validator share ${percent(max)} (${names.join(", ")})`;
}

function summary(report: PlanReport): string {
    const regionCount = Object.keys(report.regions).length;
    return (
        `${report.resourceCount} resources in ${regionCount} region${regionCount === 1 ? "" : "s"}; ` +
        `${report.validators} validators (voting power ${report.totalVotingPower}), ${largestShare(report)}; ` +
        `${report.fullNodes} full nodes`
    );
}

function status(report: PlanReport): string {
    const policies = report.policies.evaluated
        ? `${report.policies.violations.length} policy violation(s)`
        : "policies not evaluated";
    const cost = report.monthlyCostUsd === null ? "cost not estimated" : `about $${report.monthlyCostUsd}/month`;
    return `${policies}; ${cost}`;
}

/** One row per region plus the totals, shared by the text and markdown tables. */
function regionRows(report: PlanReport): string[][] {
    const rows = Object.entries(report.regions).map(([name, r]) => [
        name,
        r.role ?? "-",
        String(r.validators),
        String(r.votingPower),
        percent(r.validatorShare),
        list(r.validatorZones),
        String(r.fullNodes),
        list(r.fullNodeZones),
        String(r.resources),
    ]);
    if (report.unattributed.resources > 0) {
        rows.push([NO_REGION, "", "", "", "", "", "", "", String(report.unattributed.resources)]);
    }
    const share = report.totalVotingPower > 0 ? "100.0%" : "-";
    rows.push([
        "total",
        "",
        String(report.validators),
        String(report.totalVotingPower),
        share,
        "",
        String(report.fullNodes),
        "",
        String(report.resourceCount),
    ]);
    return rows;
}

const REGION_HEADERS = [
    "region",
    "role",
    "validators",
    "voting power",
    "share",
    "validator zones",
    "full nodes",
    "full-node zones",
    "resources",
];
const REGION_NUMERIC = [false, false, true, true, true, false, true, false, true];

/** Resource counts by type (rows) and region (columns). */
function typeTable(report: PlanReport): { headers: string[]; rows: string[][] } {
    const regionNames = Object.keys(report.regions);
    const columns = [...regionNames.map((name) => report.regions[name]), report.unattributed];
    const headers = ["resource type", "total", ...regionNames, NO_REGION];
    const rows = Object.entries(report.resourcesByType).map(([type, total]) => [
        type,
        String(total),
        ...columns.map((c) => String(c.resourcesByType[type] ?? 0)),
    ]);
    return { headers, rows };
}

function textTable(headers: string[], rows: string[][], numeric: boolean[]): string {
    const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
    const line = (cells: string[]) =>
        cells
            .map((cell, i) => (numeric[i] ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
            .join("  ")
            .trimEnd();
    return [line(headers), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

export function renderText(report: PlanReport): string {
    const types = typeTable(report);
    const lines = [
        `Offline plan of stack ${report.stack} (environment ${report.environment}, project ${report.project})`,
        summary(report),
        status(report),
        "",
        textTable(REGION_HEADERS, regionRows(report), REGION_NUMERIC),
        "",
        textTable(
            types.headers,
            types.rows,
            types.headers.map((_, i) => i > 0),
        ),
        ...report.warnings.map((w) => `warning: ${w}`),
    ];
    return `${lines.join("\n")}\n`;
}

const cell = (text: string) => text.replace(/\|/g, "\\|");

function markdownTable(headers: string[], rows: string[][], numeric: boolean[]): string[] {
    return [
        `| ${headers.map(cell).join(" | ")} |`,
        `| ${numeric.map((n) => (n ? "---:" : "---")).join(" | ")} |`,
        ...rows.map((row) => `| ${row.map(cell).join(" | ")} |`),
    ];
}

/**
 * A pull-request comment: the summary on the first line (what a reviewer
 * sees in notifications), then the tables. The per-type table is cut short
 * if the comment would come near GitHub's size limit.
 */
export function renderMarkdown(report: PlanReport): string {
    const head = [
        `**Offline plan of \`${report.stack}\`** (environment ${report.environment}): ${summary(report)}; ${status(report)}.`,
        "",
        "### Regions",
        "",
        ...markdownTable(REGION_HEADERS, regionRows(report), REGION_NUMERIC),
        "",
        ...report.warnings.map((w) => `- warning: ${w}`),
        ...(report.warnings.length > 0 ? [""] : []),
    ];
    const types = typeTable(report);
    const tableLines = markdownTable(
        types.headers,
        types.rows,
        types.headers.map((_, i) => i > 0),
    );
    const open = ["### Resources by type", "", `<details><summary>${types.rows.length} resource types</summary>`, ""];
    const close = ["", "</details>", ""];
    let budget = MARKDOWN_LIMIT - [...head, ...open, ...close].join("\n").length - 200;
    const kept: string[] = [];
    for (const line of tableLines) {
        budget -= line.length + 1;
        if (budget < 0) break;
        kept.push(line);
    }
    const omitted = tableLines.length - kept.length;
    if (omitted > 0) kept.push("", `_${omitted} more rows omitted; run \`npm run plan\` for the full list._`);
    return [...head, ...open, ...kept, ...close].join("\n");
}
