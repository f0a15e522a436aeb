import { buildInventory } from "../../tools/plan/inventory";
import { MARKDOWN_LIMIT, render } from "../../tools/plan/render";
import { programRun, resource, validator } from "./fixtures";

const config = {
    environment: "production",
    regions: [
        { name: "us-east-1", role: "primary", zones: ["us-east-1a", "us-east-1b"] },
        { name: "us-west-2", role: "standby", zones: ["us-west-2a", "us-west-2b"] },
    ],
};
const report = buildInventory(
    programRun([
        validator("a", "us-east-1", "us-east-1a"),
        validator("b", "us-east-1", "us-east-1b"),
        validator("c", "us-west-2", "us-west-2a"),
        resource("virtengine:index:Network", "net"),
    ]),
    config,
);

describe("render", () => {
    it("json: exactly one object with the interface's keys", () => {
        const parsed = JSON.parse(render(report, "json"));
        expect(parsed).toMatchObject({
            stack: "test",
            environment: "production",
            resourceCount: 4,
            resourcesByType: { "aws:ec2/instance:Instance": 3, "virtengine:index:Network": 1 },
            policies: { evaluated: false, violations: [] },
            regionLoss: {
                "us-east-1": { onlineShare: 0.3333, quorum: false, validatorsOnline: 1 },
                "us-west-2": { onlineShare: 0.6667, quorum: false, validatorsOnline: 2 },
            },
        });
        expect(parsed.monthlyCostUsd).toBeGreaterThan(0);
        expect(parsed.cost.pricesAsOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        for (const region of Object.values(parsed.regions)) {
            expect(Object.keys(region as object)).toEqual(
                expect.arrayContaining([
                    "validators",
                    "votingPower",
                    "validatorShare",
                    "validatorZones",
                    "fullNodes",
                    "resources",
                    "monthlyCostUsd",
                ]),
            );
        }
        expect(parsed.regions["us-east-1"].validatorShare).toBe(0.6667);
    });

    it("text: a summary, the region table with shares and zones, and the type table", () => {
        const text = render(report, "text");
        expect(text).toContain("Offline plan of stack test (environment production, project virtengine)");
        expect(text).toContain("3 validators (voting power 3), largest validator share 66.7% (us-east-1)");
        expect(text).toMatch(/^us-east-1\s+primary\s+2\s+2\s+66\.7%\s+a b\s/m);
        expect(text).toMatch(/^\(no region\)\s+1$/m);
        expect(text).toMatch(/^\(no region\)\s+\$0\.00$/m);
        expect(text).toMatch(/^us-east-1\s+1\s+33\.3%\s+LOST: chain halts$/m);
        expect(text).toMatch(/^aws:ec2:Instance\s+3\s+2\s+1\s+0$/m);
    });

    it("markdown: the summary on the first line, then tables", () => {
        const markdown = render(report, "markdown");
        const [first, second] = markdown.split("\n");
        expect(first).toMatch(
            /^\*\*Offline plan of `test`\*\* \(environment production\): 4 resources in 2 regions; 3 validators/,
        );
        expect(second).toBe("");
        expect(markdown).toContain("| us-east-1 | primary | 2 | 2 | 66.7% | us-east-1a, us-east-1b | 0 | - | 2 |");
        expect(markdown).toContain("| aws:ec2/instance:Instance | 3 | 2 | 1 | 0 |");
    });

    it("markdown: stays under the comment limit however many types there are", () => {
        const many = buildInventory(
            programRun(
                Array.from({ length: 3000 }, (_, i) =>
                    resource(`aws:service${i}/someVeryLongResourceTypeName:SomeVeryLongResourceTypeName`, `r${i}`, {
                        region: "us-east-1",
                    }),
                ),
            ),
            config,
        );
        const markdown = render(many, "markdown");
        expect(markdown.length).toBeLessThan(MARKDOWN_LIMIT);
        expect(markdown).toMatch(/_\d+ more rows omitted; run `npm run plan` for the full list\._/);
        expect(markdown).toContain("</details>");
    });
});

describe("render: a stack planned with another environment's file", () => {
    const mismatch = 'stack "production" plans Pulumi.staging.yaml, whose virtengine:environment is staging';
    const mismatched = { ...report, environmentMismatch: mismatch, warnings: [mismatch] };

    it("text: says so right under the summary and verdict, not only at the end", () => {
        const lines = render(mismatched, "text").split("\n");
        expect(lines.slice(0, 6).join(" ")).toContain(`warning: ${mismatch}`);
        expect(render(report, "text").split("\n").slice(0, 6).join(" ")).not.toContain("warning:");
    });

    it("markdown: a quoted warning under the verdict quote", () => {
        const [, , verdict, gap, warning] = render(mismatched, "markdown").split("\n");
        expect([verdict.slice(0, 2), gap, warning]).toEqual(["> ", ">", `> :warning: ${mismatch}.`]);
        expect(render(report, "markdown").split("\n")[3]).toBe("");
    });
});

describe("render: the policy section", () => {
    const long = `eu-west-1: ${"a very long message about validators and zones ".repeat(6)}end`;
    const withPolicies = {
        ...report,
        configFile: "Pulumi.production.yaml",
        policies: {
            evaluated: true,
            pack: "virtengine-guardrails@0.1.0",
            configFile: "policies/config/production.json",
            levels: [
                {
                    policy: "min-validators",
                    enforcementLevel: "disabled" as const,
                    packLevel: "mandatory" as const,
                    weakened: ["min-validators is disabled (the pack's level: mandatory)"],
                },
                {
                    policy: "min-two-azs",
                    enforcementLevel: "mandatory" as const,
                    packLevel: "mandatory" as const,
                    weakened: [],
                },
            ],
            violations: [
                {
                    policy: "min-two-azs",
                    enforcementLevel: "advisory" as const,
                    message: long,
                    urn: "urn:pulumi:test::virtengine::t::eu-west-1-vpc",
                },
            ],
        },
    };

    it("text: levels, what the config weakens and wrapped findings, every line within 100 columns", () => {
        const text = render(withPolicies, "text");
        for (const line of text.split("\n")) expect(line.length).toBeLessThanOrEqual(100);
        expect(text).toContain("Offline plan of stack test (environment production, project virtengine) from");
        expect(text).toMatch(
            /^Policy pack virtengine-guardrails@0\.1\.0 with policies\/config\/production\.json: 0 mandatory and 1\s/m,
        );
        expect(text).toMatch(/^ {2}mandatory: min-two-azs$/m);
        expect(text).toMatch(/^ {2}disabled: min-validators$/m);
        expect(text).toMatch(/^ {2}weakened: min-validators is disabled \(the pack's level: mandatory\)$/m);
        expect(text).toMatch(/^advisory {3}min-two-azs {2}eu-west-1-vpc\n {4}eu-west-1: a very long/m);
        expect(text.replace(/\n {4}/g, " ")).toContain(long);
    });

    it("markdown: the weakened verdict instead of a green check, the planned file, and a table of levels", () => {
        const markdown = render(withPolicies, "markdown");
        expect(markdown).toContain("(environment production, `Pulumi.production.yaml`)");
        expect(markdown).toContain(
            "> :warning: No mandatory policy violations, **but the policy config weakens the pack**",
        );
        expect(markdown).not.toContain(":white_check_mark:");
        expect(markdown).toContain(
            "| min-validators | disabled | mandatory | min-validators is disabled (the pack's level: mandatory) |",
        );
        expect(markdown).toContain("Policy pack `virtengine-guardrails@0.1.0` with `policies/config/production.json`.");
    });

    it("json: the levels and the planned file", () => {
        const parsed = JSON.parse(render(withPolicies, "json"));
        expect(parsed.configFile).toBe("Pulumi.production.yaml");
        expect(parsed.policies.levels).toHaveLength(2);
    });
});
