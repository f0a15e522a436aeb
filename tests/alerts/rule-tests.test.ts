import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as yaml from "js-yaml";
import { ALERT_GROUPS, alertNames } from "../../components/kubernetes/alert-rules";
import { promtool, RULE_TESTS, stageRules } from "../../tools/alerts/check";
import { renderRuleFile } from "../../tools/alerts/render";

interface RuleTests {
    tests: { alert_rule_test: { alertname: string; exp_alerts: unknown[] }[] }[];
}

const cases = (yaml.load(fs.readFileSync(RULE_TESTS, "utf8")) as RuleTests).tests.flatMap((t) => t.alert_rule_test);

describe("alert rules", () => {
    it("keeps the documents' names and adds the chain's own", () => {
        expect(alertNames()).toEqual(
            expect.arrayContaining([
                "HPAMaxedOut",
                "HighPendingOrders",
                "ScalingFailure",
                "InsufficientClusterCapacity",
                "StateSyncSnapshotStale",
                "StateSyncProviderDown",
                "StateSyncChunksFailing",
                "CrossRegionSyncLag",
                "CrossRegionSyncFailure",
                "ValidatorMissedBlocks",
                "ChainHalted",
                "NodeBehindTip",
                "FewPeers",
                "VotingPowerMissing",
            ]),
        );
        expect(new Set(alertNames()).size).toBe(alertNames().length);
    });

    it("uses string durations and a severity on every rule", () => {
        for (const rule of ALERT_GROUPS.flatMap((g) => g.rules)) {
            expect(rule.for).toMatch(/^\d+[smh]$/);
            expect(["warning", "critical"]).toContain(rule.labels.severity);
        }
    });

    it.each(alertNames())("%s has a promtool case where it fires and one where it stays silent", (alert) => {
        const mine = cases.filter((c) => c.alertname === alert);
        expect(mine.some((c) => c.exp_alerts.length > 0)).toBe(true);
        expect(mine.some((c) => c.exp_alerts.length === 0)).toBe(true);
    });

    it("renders the same groups the PrometheusRules carry", () => {
        expect(yaml.load(renderRuleFile())).toEqual({ groups: ALERT_GROUPS });
    });
});

const hasPromtool = (() => {
    try {
        execFileSync("promtool", ["--version"], { stdio: "pipe" });
        return true;
    } catch {
        return false;
    }
})();

// CI installs promtool (Debian package `prometheus`) and also runs tools/alerts/check.ts directly.
(hasPromtool ? describe : describe.skip)("promtool", () => {
    it("checks the rendered rules and passes every unit test", () => {
        const dir = stageRules();
        try {
            const out = promtool(dir);
            expect(out).toMatch(/SUCCESS: prometheus\.yml is valid prometheus config file syntax/);
            expect(out).toMatch(/SUCCESS: \d+ rules found/);
            expect(out).toMatch(/Unit Testing:[\s\S]*SUCCESS/);
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });
});
