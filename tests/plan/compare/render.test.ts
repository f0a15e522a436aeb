import type { PlanComparison } from "../../../tools/plan/compare/compare";
import {
    comparisonMarkdown,
    comparisonSummary,
    comparisonText,
    MARKDOWN_LIST_LIMIT,
} from "../../../tools/plan/compare/render";

const URN = "urn:pulumi:staging::virtengine::aws:autoscaling/group:Group::us-east-1-full-node-asg";

const comparison = (added = 1): PlanComparison => ({
    base: { stack: "staging", configFile: "Pulumi.staging.yaml" },
    resourceCount: { base: 10, head: 10 + added },
    resources: {
        added: Array.from({ length: added }, (_, i) => ({ urn: `${URN}-${i}`, type: "aws:autoscaling/group:Group" })),
        removed: [{ urn: `${URN}-old`, type: "aws:autoscaling/group:Group" }],
        changed: [{ urn: URN, type: "aws:autoscaling/group:Group", inputs: ["maxSize", "minSize"] }],
    },
    cost: {
        total: { baseUsd: 1000, headUsd: 1234.5, deltaUsd: 234.5 },
        regions: {
            "us-east-1": { baseUsd: 600, headUsd: 834.5, deltaUsd: 234.5 },
            "eu-west-1": { baseUsd: 400, headUsd: 400, deltaUsd: 0 },
        },
    },
    findings: {
        new: [{ policy: "min-validators", enforcementLevel: "mandatory", message: "the stack runs 3 validators" }],
        fixed: [],
    },
});

describe("the comparison, rendered", () => {
    it("sums it up in one line: resources, cost change and findings", () => {
        expect(comparisonSummary(comparison())).toBe(
            "against staging (Pulumi.staging.yaml): 1 added, 1 removed, 1 changed; " +
                "cost +$234.50/month ($1,000.00 -> $1,234.50); 1 new finding, 0 fixed",
        );
    });

    it("text: each resource with its sign and changed inputs, the cost table, new findings; within 100 columns", () => {
        const text = comparisonText(comparison()).join("\n");
        expect(text).toContain("  + us-east-1-full-node-asg-0 (aws:autoscaling:Group)\n");
        expect(text).toContain("  - us-east-1-full-node-asg-old (aws:autoscaling:Group)\n");
        expect(text).toContain("  ~ us-east-1-full-node-asg (aws:autoscaling:Group): maxSize, minSize\n");
        expect(text).toMatch(/^us-east-1\s+\$600\.00\s+\$834\.50\s+\+\$234\.50$/m);
        expect(text).toMatch(/^eu-west-1\s+\$400\.00\s+\$400\.00\s+\$0\.00$/m);
        expect(text).toMatch(/^total\s+\$1,000\.00\s+\$1,234\.50\s+\+\$234\.50$/m);
        expect(text).toContain("New findings:\n  mandatory min-validators (stack): the stack runs 3 validators");
        for (const line of text.split("\n")) expect(line.length).toBeLessThanOrEqual(100);
    });

    it("markdown: resources in a diff block, cut to a limit in a comment", () => {
        const markdown = comparisonMarkdown(comparison(MARKDOWN_LIST_LIMIT + 50)).join("\n");
        expect(markdown).toContain(`\`\`\`diff\n+ ${URN}-0\n`);
        expect(comparisonMarkdown(comparison()).join("\n")).toContain(`~ ${URN}: maxSize, minSize\n`);
        expect(markdown.split("\n").filter((l) => /^[+~-] urn:/.test(l))).toHaveLength(MARKDOWN_LIST_LIMIT);
        expect(markdown).toContain(`... ${MARKDOWN_LIST_LIMIT + 50 + 2 - MARKDOWN_LIST_LIMIT} more`);
        expect(markdown).toContain("| us-east-1 | $600.00 | $834.50 | +$234.50 |");
    });

    it("says resources were not compared when a plan has no steps", () => {
        const c = { ...comparison(), resources: null, resourcesNote: "the base plan has no steps (...)" };
        expect(comparisonSummary(c)).toContain("10 -> 11 resources");
        expect(comparisonMarkdown(c)).toContain("_the base plan has no steps (...)._");
    });
});
