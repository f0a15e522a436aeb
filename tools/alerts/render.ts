import * as yaml from "js-yaml";
import { ALERT_GROUPS, type RuleGroup } from "../../components/kubernetes/alert-rules";

/**
 * The alert groups as a Prometheus rule file (the `groups:` document
 * `promtool check rules` reads): the same groups the PrometheusRules carry.
 */
export function renderRuleFile(groups: readonly RuleGroup[] = ALERT_GROUPS): string {
    return yaml.dump({ groups }, { lineWidth: -1, noRefs: true });
}
