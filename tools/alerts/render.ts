import * as yaml from "js-yaml";
import { ALERT_GROUPS, type RuleGroup } from "../../components/kubernetes/alert-rules";
import { chainScrapeConfig } from "../../components/kubernetes/scrape-configs";

/**
 * The alert groups as a Prometheus rule file (the `groups:` document
 * `promtool check rules` reads): the same groups the PrometheusRules carry.
 */
export function renderRuleFile(groups: readonly RuleGroup[] = ALERT_GROUPS): string {
    return yaml.dump({ groups }, { lineWidth: -1, noRefs: true });
}

/**
 * A Prometheus configuration with the chain's scrape job for `region` and
 * the rule file, as the cluster's Prometheus runs them: what
 * `promtool check config` reads (it checks the rule file it names too).
 */
export function renderPrometheusConfig(region = "us-east-1", ruleFile = "rules.yml"): string {
    return yaml.dump({ rule_files: [ruleFile], scrape_configs: [chainScrapeConfig(region)] }, { lineWidth: -1 });
}
