import type { Format } from "./args";
import { trafficDiagram } from "./edge/diagram";
import { edgeTables } from "./edge/render-edge";
import { comparisonMarkdown, comparisonSummary, comparisonText } from "./compare/render";
import { DR_LOSS_HEADERS, drLossCells, drNotes } from "./dr/render";
import { policyVerdict, resourceName } from "./policy-report";
import type { PlanReport, PolicyReport, PolicyViolation } from "./report";
import { CLUSTER_HEADERS, clusterRows, WORKLOAD_HEADERS, WORKLOAD_NUMERIC, workloadRows } from "./kubernetes/report";
import { kubernetesText } from "./kubernetes/text";
import { shortType, table, wrap } from "./text";

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
const usd = (amount: number) =>
    `$${amount.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

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

const policyStatus = (report: PlanReport) => policyVerdict(report.policies).line;

function status(report: PlanReport): string {
    return `${policyStatus(report)}; estimated ${usd(report.monthlyCostUsd)}/month on demand`;
}

function lossSummary(report: PlanReport): string {
    const losses = Object.values(report.regionLoss);
    const kept = losses.filter((l) => l.quorum).length;
    return `quorum survives the loss of ${kept} of ${losses.length} region${losses.length === 1 ? "" : "s"}`;
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
        usd(r.monthlyCostUsd),
    ]);
    if (report.unattributed.resources > 0 || report.cost.globalMonthlyUsd > 0) {
        rows.push([
            NO_REGION,
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            String(report.unattributed.resources),
            usd(report.cost.globalMonthlyUsd),
        ]);
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
        usd(report.monthlyCostUsd),
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
    "cost/month",
];
const REGION_NUMERIC = [false, false, true, true, true, false, true, false, true, true];

const LOSS_HEADERS = ["region lost", "validators online", "voting power online", "quorum (> 2/3)"];
const LOSS_NUMERIC = [false, true, true, false];

/** The loss table's columns: the disaster-recovery drill's too when the stack builds backups. */
function lossColumns(report: PlanReport): { headers: string[]; numeric: boolean[] } {
    if (report.disasterRecovery === undefined) return { headers: LOSS_HEADERS, numeric: LOSS_NUMERIC };
    return {
        headers: [...LOSS_HEADERS, ...DR_LOSS_HEADERS],
        numeric: [...LOSS_NUMERIC, ...DR_LOSS_HEADERS.map(() => true)],
    };
}

function lossRows(report: PlanReport): string[][] {
    return Object.entries(report.regionLoss).map(([name, loss]) => [
        name,
        String(loss.validatorsOnline),
        percent(loss.onlineShare),
        loss.quorum ? "kept" : "LOST: chain halts",
        ...(report.disasterRecovery === undefined ? [] : drLossCells(loss)),
    ]);
}

const VIOLATION_HEADERS = ["level", "policy", "resource", "message"];
const VIOLATION_NUMERIC = [false, false, false, false];

const violationRows = (violations: readonly PolicyViolation[]) =>
    violations.map((v) => [v.enforcementLevel, v.policy, resourceName(v.urn), v.message]);

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

function costNote(report: PlanReport): string {
    return `Prices: ${report.cost.priceSource}, as of ${report.cost.pricesAsOf}.`;
}

/** Zones without their region's prefix (`us-east-1a` in us-east-1 is `a`), so the text tables fit. */
const zoneLetters = (region: string, zones: readonly string[]) =>
    zones.map((z) => (z.startsWith(region) ? z.slice(region.length) : z)).join(" ") || "-";

/** The region table for the terminal: zones as letters, the long zone lists of the markdown table shortened. */
function textRegionRows(report: PlanReport): string[][] {
    const names = Object.keys(report.regions);
    return regionRows(report).map((row, i) => {
        const name = names[i];
        const r = name === undefined ? undefined : report.regions[name];
        if (!r) return row;
        const copy = [...row];
        copy[5] = zoneLetters(name, r.validatorZones);
        copy[7] = zoneLetters(name, r.fullNodeZones);
        return copy;
    });
}
const TEXT_REGION_HEADERS = REGION_HEADERS.map((h) =>
    h === "validator zones" ? "val. zones" : h === "full-node zones" ? "fn zones" : h === "voting power" ? "power" : h,
);

/** Which policies ran at which level, one line per level, and what the config weakens. */
function levelLines(policies: PolicyReport): string[] {
    const lines: string[] = [];
    for (const level of ["mandatory", "remediate", "advisory", "disabled"] as const) {
        const names = policies.levels.filter((l) => l.enforcementLevel === level).map((l) => l.policy);
        if (names.length > 0) lines.push(...wrap(`  ${level}: ${names.join(", ")}`));
    }
    for (const l of policies.levels) for (const w of l.weakened) lines.push(...wrap(`  weakened: ${w}`));
    return lines;
}

/** Findings as a short table row each, with the message wrapped under it. */
function violationLines(violations: readonly PolicyViolation[]): string[] {
    return violations.flatMap((v) => [
        `${v.enforcementLevel.padEnd(9)}  ${v.policy}  ${resourceName(v.urn)}`,
        ...wrap(v.message, 96, "").map((l) => `    ${l}`),
    ]);
}

/** The terminal report: every line within text.ts's WIDTH (100 columns). */
export function renderText(report: PlanReport): string {
    const types = typeTable(report);
    const policies = report.policies;
    const lines = [
        ...wrap(
            `Offline plan of stack ${report.stack} (environment ${report.environment}, project ${report.project})` +
                (report.configFile ? ` from ${report.configFile}` : ""),
        ),
        ...wrap(summary(report)),
        ...wrap(status(report)),
        // Beside the verdict, which it qualifies: the policies ran with another environment's config.
        ...(report.environmentMismatch ? wrap(`warning: ${report.environmentMismatch}`) : []),
        ...(report.comparison ? ["", ...comparisonText(report.comparison)] : [""]),
        table(TEXT_REGION_HEADERS, textRegionRows(report), REGION_NUMERIC),
        "",
        ...wrap(`If a region goes down (${lossSummary(report)}):`),
        table(lossColumns(report).headers, lossRows(report), lossColumns(report).numeric),
        ...drNotes(report).flatMap((note) => wrap(note)),
        "",
        ...edgeTables(report).flatMap((t) => [`${t.title}:`, table(t.headers, t.rows, t.numeric), ""]),
        ...kubernetesText(report),
    ];
    if (policies.evaluated) {
        lines.push(...wrap(`Policy pack ${policies.pack} with ${policies.configFile}: ${policyStatus(report)}`));
        lines.push(...levelLines(policies));
        if (policies.violations.length > 0) lines.push("", ...violationLines(policies.violations));
        lines.push("");
    }
    lines.push(
        table(
            types.headers,
            types.rows.map(([type, ...rest]) => [shortType(type), ...rest]),
            types.headers.map((_, i) => i > 0),
        ),
        "",
        ...wrap(costNote(report)),
        ...report.cost.notes.flatMap((n) => wrap(`cost: ${n}`)),
        ...report.warnings.flatMap((w) => wrap(`warning: ${w}`)),
    );
    return `${lines.join("\n")}\n`;
}

const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");

function markdownTable(headers: string[], rows: string[][], numeric: boolean[]): string[] {
    return [
        `| ${headers.map(cell).join(" | ")} |`,
        `| ${numeric.map((n) => (n ? "---:" : "---")).join(" | ")} |`,
        ...rows.map((row) => `| ${row.map(cell).join(" | ")} |`),
    ];
}

/** The lines around a folded section's body. */
const openFold = (title: string) => [`<details><summary>${title}</summary>`, ""];
const CLOSE_FOLD = ["", "</details>", ""];

/**
 * A pull-request comment: the summary on the first line (what a reviewer sees
 * in notifications), then whether anything blocks `pulumi up`, the mandatory
 * findings in full, and everything else folded. Long tables are cut short so
 * the comment stays under GitHub's size limit. With a comparison, the
 * difference comes first and this whole plan is folded below it.
 */
export function renderMarkdown(report: PlanReport): string {
    if (!report.comparison) return planMarkdown(report, MARKDOWN_LIMIT);
    const c = report.comparison;
    const head = [
        `**Offline plan of \`${report.stack}\`** ${cell(comparisonSummary(c))}; ${cell(policyStatus(report))}.`,
        "",
        verdictQuote(report.policies),
        ...mismatchQuote(report),
        "",
        ...comparisonMarkdown(c).slice(2),
    ];
    const fixed = [...head, ...openFold(`Full plan of \`${report.stack}\``), ...CLOSE_FOLD].join("\n").length;
    const body = planMarkdown(report, MARKDOWN_LIMIT - fixed).trimEnd();
    return `${[...head, ...openFold(`Full plan of \`${report.stack}\``), body, ...CLOSE_FOLD].join("\n").trimEnd()}\n`;
}

/** The verdict as a quoted line: what blocks `pulumi up`, or why "no violations" is not the whole story. */
function verdictQuote(policies: PolicyReport): string {
    const verdict = policyVerdict(policies);
    const mandatory = policies.violations.filter((v) => v.enforcementLevel === "mandatory").length;
    switch (verdict.kind) {
        case "violations":
            return `> :x: **${mandatory} mandatory policy violation${mandatory === 1 ? "" : "s"}**: \`pulumi up\` would be refused.`;
        case "unchecked":
            return `> :warning: **Policies not checked**: ${cell(verdict.line)}.`;
        case "weakened":
            return `> :warning: No mandatory policy violations, **but the policy config weakens the pack**: ${cell(verdict.line)}.`;
        case "clean":
            return "> :white_check_mark: No mandatory policy violations.";
    }
}

/** Under the verdict, which it qualifies: a stack planned with another environment's file. */
function mismatchQuote(report: PlanReport): string[] {
    return report.environmentMismatch ? [">", `> :warning: ${cell(report.environmentMismatch)}.`] : [];
}

function planMarkdown(report: PlanReport, limit: number): string {
    const policies = report.policies;
    const mandatory = policies.violations.filter((v) => v.enforcementLevel === "mandatory");
    const others = policies.violations.filter((v) => v.enforcementLevel !== "mandatory");
    const from = report.configFile ? `, \`${report.configFile}\`` : "";
    const head = [
        `**Offline plan of \`${report.stack}\`** (environment ${report.environment}${from}): ${summary(report)}; ${cell(status(report))}.`,
        "",
        verdictQuote(policies),
        ...mismatchQuote(report),
        "",
    ];

    // Sections in order; `rows` of a section may be cut to fit, the rest is kept whole.
    const sections: { before: string[]; rows: string[]; after: string[] }[] = [];
    const table = (before: string[], headers: string[], rows: string[][], numeric: boolean[], after: string[]) => {
        const [h, sep, ...body] = markdownTable(headers, rows, numeric);
        sections.push({ before: [...before, h, sep], rows: body, after });
    };
    if (mandatory.length > 0) {
        table(["#### Mandatory violations", ""], VIOLATION_HEADERS, violationRows(mandatory), VIOLATION_NUMERIC, [""]);
    }
    const fold = (title: string, headers: string[], rows: string[][], numeric: boolean[], extra: string[] = []) =>
        table(openFold(title), headers, rows, numeric, [...extra, ...CLOSE_FOLD]);
    if (others.length > 0) {
        const title = `${others.length} advisory finding${others.length === 1 ? "" : "s"}`;
        fold(title, VIOLATION_HEADERS, violationRows(others), VIOLATION_NUMERIC);
    }
    if (policies.evaluated) {
        const weakened = policies.levels.filter((l) => l.weakened.length > 0).length;
        fold(
            `Policies: ${policies.levels.length} in \`${policies.pack}\`${weakened > 0 ? `, ${weakened} weakened by the config` : ""}`,
            ["policy", "level", "pack's level", "weakened by the config"],
            policies.levels.map((l) => [l.policy, l.enforcementLevel, l.packLevel, l.weakened.join("; ") || "-"]),
            [false, false, false, false],
        );
    }
    fold(
        `Regions: ${report.validators} validators, ${report.fullNodes} full nodes, ${usd(report.monthlyCostUsd)}/month`,
        REGION_HEADERS,
        regionRows(report),
        REGION_NUMERIC,
        ["", costNote(report)],
    );
    fold(
        `Region loss: ${lossSummary(report)}`,
        lossColumns(report).headers,
        lossRows(report),
        lossColumns(report).numeric,
        ["", ...drNotes(report).map((n) => `- ${cell(n)}`)],
    );
    // Global traffic at a glance, then the edge's tables folded.
    const diagram = trafficDiagram(report);
    if (diagram) sections.push({ before: ["#### Global traffic", "", ...diagram, ""], rows: [], after: [] });
    for (const t of edgeTables(report)) fold(t.title, t.headers, t.rows, t.numeric);
    if (report.kubernetes && Object.keys(report.kubernetes).length > 0) {
        const k = report.kubernetes;
        fold(
            `Kubernetes clusters: ${clusterRows(k).length}`,
            CLUSTER_HEADERS,
            clusterRows(k),
            CLUSTER_HEADERS.map(() => false),
        );
        fold(`Kubernetes workloads: ${workloadRows(k).length}`, WORKLOAD_HEADERS, workloadRows(k), WORKLOAD_NUMERIC);
    }
    const types = typeTable(report);
    fold(
        `${types.rows.length} resource types`,
        types.headers,
        types.rows,
        types.headers.map((_, i) => i > 0),
    );
    const bullets = (title: string, items: readonly string[]) => {
        if (items.length > 0) {
            sections.push({ before: openFold(title), rows: items.map((i) => `- ${cell(i)}`), after: CLOSE_FOLD });
        }
    };
    bullets(`${report.cost.notes.length} cost notes`, report.cost.notes);
    bullets(`${report.warnings.length} warnings`, report.warnings);
    const tail = policies.evaluated ? [`Policy pack \`${policies.pack}\` with \`${policies.configFile}\`.`] : [];

    // Fixed parts first; then rows, section by section, while they fit.
    const fixed = [...head, ...sections.flatMap((s) => [...s.before, ...s.after]), ...tail];
    let budget = limit - fixed.join("\n").length - 200 * sections.length;
    const out = [...head];
    for (const s of sections) {
        const kept: string[] = [];
        for (const row of s.rows) {
            if (budget - (row.length + 1) < 0) break;
            budget -= row.length + 1;
            kept.push(row);
        }
        const omitted = s.rows.length - kept.length;
        const note = omitted > 0 ? ["", `_${omitted} more rows omitted; run \`npm run plan\` for the full list._`] : [];
        out.push(...s.before, ...kept, ...note, ...s.after);
    }
    out.push(...tail);
    return `${out.join("\n").trimEnd()}\n`;
}
