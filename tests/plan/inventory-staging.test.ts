import type { PlanReport } from "../../tools/plan/report";
import { render } from "../../tools/plan/render";
import { planStack } from "./real-run";

// One real run of the staging program per file (see real-run.ts).
let report: PlanReport;
beforeAll(async () => {
    report = await planStack("staging");
});

describe("inventory of the staging stack", () => {
    it("has one validator per region, 25% each, and two full nodes over two zones", () => {
        expect(report).toMatchObject({ stack: "staging", environment: "staging", validators: 4, totalVotingPower: 4 });
        for (const [name, region] of Object.entries(report.regions)) {
            expect(region).toMatchObject({
                validators: 1,
                votingPower: 1,
                validatorShare: 0.25,
                validatorZones: [`${name}a`],
                fullNodes: 2,
                fullNodeZones: [`${name}a`, `${name}b`],
            });
        }
        expect(Object.keys(report.regions)).toHaveLength(4);
    });

    it("renders in every format", () => {
        expect(JSON.parse(render(report, "json"))).toEqual(report);
        expect(render(report, "text")).toContain("4 validators (voting power 4)");
        const markdown = render(report, "markdown");
        expect(markdown.split("\n")[0]).toContain("largest validator share 25.0%");
        expect(markdown.length).toBeLessThan(65000);
    });
});
