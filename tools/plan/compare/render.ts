import { resourceName } from "../policy-report";
import { shortType, table, wrap } from "../text";
import type { CostChange, Finding, PlanComparison, ResourceRef } from "./compare";

/*
 * The comparison (`--compare`) in words: for the terminal (lines that fit
 * the text report's width) and for the pull-request comment (markdown).
 */

const usd = (amount: number) =>
    `$${amount.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const signedUsd = (delta: number) => (delta === 0 ? "$0.00" : `${delta > 0 ? "+" : "-"}${usd(Math.abs(delta))}`);
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** One line: what changes, for the summary of either format. */
export function comparisonSummary(c: PlanComparison): string {
    const resources = c.resources
        ? `${c.resources.added.length} added, ${c.resources.removed.length} removed, ${c.resources.changed.length} changed`
        : `${c.resourceCount.base} -> ${c.resourceCount.head} resources`;
    return (
        `against ${c.base.stack}${c.base.configFile ? ` (${c.base.configFile})` : ""}: ${resources}; ` +
        `cost ${signedUsd(c.cost.total.deltaUsd)}/month (${usd(c.cost.total.baseUsd)} -> ${usd(c.cost.total.headUsd)}); ` +
        `${plural(c.findings.new.length, "new finding")}, ${c.findings.fixed.length} fixed`
    );
}

const COST_HEADERS = ["region", "base/month", "this plan/month", "change"];
const COST_NUMERIC = [false, true, true, true];
const costRows = (c: PlanComparison) =>
    [...Object.entries(c.cost.regions), ["total", c.cost.total] as [string, CostChange]].map(([name, x]) => [
        name,
        usd(x.baseUsd),
        usd(x.headUsd),
        signedUsd(x.deltaUsd),
    ]);

const findingLine = (f: Finding) => `${f.enforcementLevel} ${f.policy} ${resourceName(f.urn)}: ${f.message}`;

/**
 * Resource changes as `+ x`, `- x`, `~ x (inputs)`: in a comment `x` is the
 * URN; in the terminal, the resource's name and short type, which fit a line.
 */
function resourceLines(c: PlanComparison, show: "urn" | "name"): string[] {
    if (!c.resources) return [c.resourcesNote ?? "resource changes not compared"];
    const label = (r: ResourceRef) => (show === "urn" ? r.urn : `${resourceName(r.urn)} (${shortType(r.type)})`);
    return [
        ...c.resources.added.map((r) => `+ ${label(r)}`),
        ...c.resources.removed.map((r) => `- ${label(r)}`),
        ...c.resources.changed.map((r) => `~ ${label(r)}: ${r.inputs.join(", ") || "type"}`),
    ];
}

export function comparisonText(c: PlanComparison): string[] {
    const lines = [...wrap(`Compared ${comparisonSummary(c)}`), ""];
    const resources = resourceLines(c, "name");
    if (resources.length > 0) lines.push("Resources:", ...resources.flatMap((l) => wrap(`  ${l}`)), "");
    lines.push(table(COST_HEADERS, costRows(c), COST_NUMERIC), "");
    for (const [title, list] of [
        ["New findings:", c.findings.new],
        ["Fixed findings:", c.findings.fixed],
    ] as const) {
        if (list.length > 0) lines.push(title, ...list.flatMap((f) => wrap(`  ${findingLine(f)}`)), "");
    }
    return lines;
}

const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");

/** Most lines of each list in a comment; the terminal and JSON always have them all. */
export const MARKDOWN_LIST_LIMIT = 200;

const capped = (lines: string[]) =>
    lines.length <= MARKDOWN_LIST_LIMIT
        ? lines
        : [
              ...lines.slice(0, MARKDOWN_LIST_LIMIT),
              `... ${lines.length - MARKDOWN_LIST_LIMIT} more (npm run plan -- --compare)`,
          ];

/** The comparison as the first part of a pull-request comment. */
export function comparisonMarkdown(c: PlanComparison): string[] {
    const lines = [`**Changes ${cell(comparisonSummary(c))}**`, ""];
    const resources = resourceLines(c, "urn");
    if (!c.resources) lines.push(`_${cell(resources[0])}._`, "");
    else if (resources.length > 0)
        lines.push("```diff", ...capped(resources.map((l) => l.replace(/`/g, "'"))), "```", "");
    lines.push(
        `| ${COST_HEADERS.join(" | ")} |`,
        `| ${COST_NUMERIC.map((n) => (n ? "---:" : "---")).join(" | ")} |`,
        ...costRows(c).map((row) => `| ${row.map(cell).join(" | ")} |`),
        "",
    );
    for (const [title, list] of [
        ["New findings", c.findings.new],
        ["Fixed findings", c.findings.fixed],
    ] as const) {
        if (list.length > 0) lines.push(`${title}:`, "", ...capped(list.map((f) => `- ${cell(findingLine(f))}`)), "");
    }
    return lines;
}
