import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { REPO_ROOT } from "../helpers/fixtures";
import { planStack } from "./real-run";

/*
 * The region-loss drill: production's, from its plan report, and end to end
 * through the real plan (tools/plan/cli main) on production with chain-state
 * backups in two regions.
 * Each run gets its own module registry, as each `npm run plan` is a process.
 */

async function plan(args: string[]): Promise<{ code: number; stdout: string }> {
    let out = "";
    const stdout = jest.spyOn(process.stdout, "write").mockImplementation((chunk) => {
        out += String(chunk);
        return true;
    });
    const stderr = jest.spyOn(process.stderr, "write").mockImplementation(() => true);
    try {
        let code = -1;
        await jest.isolateModulesAsync(async () => {
            const { main } = await import("../../tools/plan/cli");
            code = await main(args);
        });
        return { code, stdout: out };
    } finally {
        stdout.mockRestore();
        stderr.mockRestore();
    }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
let report: any;
beforeAll(async () => {
    // Production's drill is in its report, built once per worker; the two-region case below runs the CLI.
    report = JSON.parse(JSON.stringify(await planStack("production")));
});

const REGIONS = ["us-east-1", "eu-west-1", "ap-south-1", "us-west-2"];

describe("production's region-loss drill", () => {
    it("keeps chain-state archives in two regions and validator volume copies in two after any region's loss", () => {
        expect(report.disasterRecovery.placement.chainArchives).toEqual(["ap-south-1", "eu-west-1", "us-east-1"]);
        expect(report.disasterRecovery.placement.snapshotters).toEqual([...REGIONS].sort());
        for (const lost of REGIONS) {
            const { backups } = report.regionLoss[lost];
            expect(backups.chainArchives.regions).not.toContain(lost);
            expect(backups.chainArchives.copies).toBeGreaterThanOrEqual(2);
            expect(backups.fewestRegions).toBeGreaterThanOrEqual(2);
            for (const held of Object.values(backups.validatorVolumes) as { regions: string[] }[]) {
                expect(held.regions).not.toContain(lost);
            }
        }
        expect(report.regionLoss["us-west-2"].backups.chainArchives.copies).toBe(3);
    });

    it("leaves every surviving region two state-sync witnesses", () => {
        for (const lost of REGIONS) {
            const { witnesses } = report.regionLoss[lost];
            expect(Object.keys(witnesses.byRegion).sort()).toEqual(REGIONS.filter((r) => r !== lost).sort());
            expect(witnesses.minimum).toBe(2);
        }
    });

    it("estimates restore time from labelled assumptions and compares it with the documents' RTO", () => {
        const loss = report.regionLoss["us-east-1"];
        expect(loss.restoreEstimateMinutes).toBe(
            Math.max(loss.restoreEstimate.fullNodeMinutes, loss.restoreEstimate.validatorMinutes),
        );
        expect(loss.restoreEstimate.documentedRtoMinutes).toEqual({ fullNode: 60, validator: 30 });
        expect(loss.restoreEstimate.withinRto.validator).toBe(loss.restoreEstimate.validatorMinutes <= 30);
        for (const a of Object.values(report.disasterRecovery.assumptions) as { status: string; basis: string }[]) {
            expect(["assumed", "design", "documented"]).toContain(a.status);
            expect(a.basis.length).toBeGreaterThan(10);
        }
        expect(report.disasterRecovery.assumptions.archiveGiB).toMatchObject({ value: 200, status: "assumed" });
    });

    it("notes backup storage, replication transfer and snapshot costs with their prices", () => {
        const notes: string[] = report.cost.notes;
        expect(notes.some((n) => /^chain-state backups .*\$0\.023\/GB-month/.test(n))).toBe(true);
        expect(notes.some((n) => /^chain-state replication .*\$0\.02\/GB .*Replication Time Control/.test(n))).toBe(
            true,
        );
        expect(notes.some((n) => /^validator volume backups .*\$0\.05\/GB-month/.test(n))).toBe(true);
    });
});

describe("a config with chain-state backups in two regions", () => {
    it("exits 1 naming backups-multi-region, and the drill shows one region left", async () => {
        const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "dr-plan-")), "Pulumi.production.yaml");
        const production = fs.readFileSync(path.join(REPO_ROOT, "Pulumi.production.yaml"), "utf8");
        fs.writeFileSync(file, `${production.trimEnd()}\n  virtengine:backupRegions: [us-east-1, eu-west-1]\n`);
        const result = await plan(["--config", file, "--format", "json"]);
        expect(result.code).toBe(1);
        const two = JSON.parse(result.stdout);
        const mandatory = two.policies.violations.filter(
            (v: { enforcementLevel: string }) => v.enforcementLevel === "mandatory",
        );
        expect([...new Set(mandatory.map((v: { policy: string }) => v.policy))]).toEqual(["backups-multi-region"]);
        expect(two.regionLoss["us-east-1"].backups.chainArchives).toEqual({ regions: ["eu-west-1"], copies: 1 });
    });
});
