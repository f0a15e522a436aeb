import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { renderPrometheusConfig, renderRuleFile } from "./render";

/*
 * Renders the alert rules and the chain's scrape job and runs promtool on
 * them: `check config` (the scrape job's EC2 discovery and relabelling, as
 * the cluster's Prometheus loads them), `check rules` (syntax, PromQL) and
 * `test rules` (tests/alerts/rules.test.yml: every alert fires on the series
 * it is about and stays silent on healthy ones). CI runs this; promtool comes
 * from the Debian package `prometheus`.
 *
 *   npx tsx tools/alerts/check.ts
 */

/** The promtool unit tests, kept beside the jest tests. */
export const RULE_TESTS = path.resolve(__dirname, "../../tests/alerts/rules.test.yml");

/** Writes the rule file and the tests into a fresh directory (the tests name `rules.yml`). */
export function stageRules(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "virtengine-alerts-"));
    fs.writeFileSync(path.join(dir, "rules.yml"), renderRuleFile());
    fs.writeFileSync(path.join(dir, "prometheus.yml"), renderPrometheusConfig());
    fs.copyFileSync(RULE_TESTS, path.join(dir, "rules.test.yml"));
    return dir;
}

/** Runs `promtool check config`, `check rules` and `test rules`; throws with promtool's output on failure. */
export function promtool(dir: string): string {
    const run = (...args: string[]) => execFileSync("promtool", args, { cwd: dir, encoding: "utf8", stdio: "pipe" });
    return (
        run("check", "config", "prometheus.yml") +
        run("check", "rules", "rules.yml") +
        run("test", "rules", "rules.test.yml")
    );
}

if (require.main === module) {
    const dir = stageRules();
    try {
        process.stdout.write(promtool(dir));
    } catch (err) {
        const e = err as { stdout?: string; stderr?: string; message: string };
        process.stderr.write(`${e.stdout ?? ""}${e.stderr ?? e.message}\n`);
        process.exitCode = 1;
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}
