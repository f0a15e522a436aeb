/*
 * The alert rules, from one source: workloads.ts registers them as
 * PrometheusRules in every cluster, and tools/alerts/ renders the same groups
 * as a Prometheus rule file that `promtool check rules` and `promtool test
 * rules` check (tests/alerts/rules.test.yml holds a firing and a silent case
 * per alert).
 *
 * The documents' rules keep their names; where they could not fire they are
 * corrected (../shared/facts/disaster-recovery.md, "Alert rules"):
 * - CrossRegionSyncLag/Failure subtracted two series selected by different
 *   `region` labels, which never match: each region's height is now compared
 *   with the tip of all regions.
 * - ScalingFailure took `increase()` of a held 0/1 condition, which is 0 while
 *   the failure lasts: it now alerts on the condition itself.
 * - The state-sync snapshot alerts watch metrics CometBFT does not export (an
 *   exporter on the snapshotter provides them): StateSyncMetricsAbsent says
 *   when they are missing instead of staying silent.
 * - StateSyncProviderDown watched a `virtengine-statesync` job no Prometheus
 *   scrapes: it watches the full nodes (the state-sync providers) in the
 *   chain's scrape job.
 * The chain's own rules use CometBFT's `cometbft_` metrics.
 */

import { ROLE } from "../common/tags";
import { CHAIN_SCRAPE_JOB } from "./scrape-configs";

export interface AlertRule {
    alert: string;
    expr: string;
    /** A Prometheus duration, e.g. "5m". */
    for: string;
    labels: { severity: "warning" | "critical" };
    annotations: { summary: string; description: string; runbook_url?: string };
}

export interface RuleGroup {
    name: string;
    rules: AlertRule[];
}

const RUNBOOKS = "https://docs.virtengine.network/runbooks";

/** Highest block height any node reports: the chain's tip. */
const TIP = "scalar(max(cometbft_consensus_height))";

export const ALERT_GROUPS: RuleGroup[] = [
    {
        name: "scaling",
        rules: [
            {
                alert: "HPAMaxedOut",
                expr:
                    'kube_horizontalpodautoscaler_status_current_replicas{namespace="virtengine"}\n' +
                    '  >= on (namespace, horizontalpodautoscaler) kube_horizontalpodautoscaler_spec_max_replicas{namespace="virtengine"}',
                for: "15m",
                labels: { severity: "warning" },
                annotations: {
                    summary: "HPA is at maximum replicas",
                    description: "{{ $labels.horizontalpodautoscaler }} has been at max replicas for 15 minutes",
                    runbook_url: `${RUNBOOKS}/hpa-maxed`,
                },
            },
            {
                alert: "HighPendingOrders",
                expr: 'sum(virtengine_open_orders_total{status="pending"}) > 500',
                for: "5m",
                labels: { severity: "critical" },
                annotations: {
                    summary: "High number of pending orders",
                    description: "{{ $value }} orders pending - may need to increase provider capacity",
                },
            },
            {
                alert: "ScalingFailure",
                expr: 'kube_horizontalpodautoscaler_status_condition{namespace="virtengine", condition="ScalingActive", status="false"} == 1',
                for: "5m",
                labels: { severity: "critical" },
                annotations: {
                    summary: "HPA scaling is failing",
                    description: "{{ $labels.horizontalpodautoscaler }} is unable to scale",
                },
            },
            {
                alert: "InsufficientClusterCapacity",
                expr: 'sum(kube_pod_status_phase{phase="Pending", namespace="virtengine"}) > 0',
                for: "10m",
                labels: { severity: "critical" },
                annotations: {
                    summary: "Pods pending due to insufficient capacity",
                    description: "{{ $value }} pods are pending - cluster may need more nodes",
                },
            },
        ],
    },
    {
        name: "statesync",
        rules: [
            {
                alert: "StateSyncSnapshotStale",
                expr: "time() - virtengine_statesync_snapshot_last_created_timestamp > 7200",
                for: "10m",
                labels: { severity: "warning" },
                annotations: {
                    summary: "State sync snapshot is stale",
                    description: "No new snapshot created in the last 2 hours on {{ $labels.instance }}",
                },
            },
            {
                alert: "StateSyncProviderDown",
                // Full nodes serve state-sync snapshots; there is no separate "virtengine-statesync"
                // job to watch (the documents' selector matched nothing): scrape-configs.ts.
                expr: `up{job="${CHAIN_SCRAPE_JOB}", role="${ROLE.fullNode}"} == 0`,
                for: "5m",
                labels: { severity: "critical" },
                annotations: {
                    summary: "State sync provider is down",
                    description: "{{ $labels.instance }} is not responding",
                },
            },
            {
                alert: "StateSyncChunksFailing",
                expr: "rate(virtengine_statesync_chunk_fetch_failures_total[5m]) > 0.1",
                for: "10m",
                labels: { severity: "warning" },
                annotations: {
                    summary: "State sync chunk fetches are failing",
                    description: "High rate of chunk fetch failures on {{ $labels.instance }}",
                },
            },
            {
                alert: "StateSyncMetricsAbsent",
                expr: "absent(virtengine_statesync_snapshot_last_created_timestamp)",
                for: "30m",
                labels: { severity: "warning" },
                annotations: {
                    summary: "State sync snapshot metrics are missing",
                    description:
                        "No snapshotter reports virtengine_statesync_snapshot_last_created_timestamp: the snapshot alerts cannot fire",
                },
            },
        ],
    },
    {
        name: "cross-region-sync",
        rules: [
            {
                alert: "CrossRegionSyncLag",
                expr: `${TIP} - max by (region) (cometbft_consensus_height) > 100`,
                for: "5m",
                labels: { severity: "warning" },
                annotations: {
                    summary: "Cross-region sync lag detected",
                    description: "Region {{ $labels.region }} is more than 100 blocks behind",
                },
            },
            {
                alert: "CrossRegionSyncFailure",
                expr: `${TIP} - max by (region) (cometbft_consensus_height) > 1000`,
                for: "10m",
                labels: { severity: "critical" },
                annotations: {
                    summary: "Critical cross-region sync failure",
                    description: "Region {{ $labels.region }} is more than 1000 blocks behind",
                },
            },
        ],
    },
    {
        name: "chain",
        rules: [
            {
                alert: "ValidatorMissedBlocks",
                expr: "delta(cometbft_consensus_validator_missed_blocks[10m]) > 5",
                for: "5m",
                labels: { severity: "warning" },
                annotations: {
                    summary: "Validator is missing blocks",
                    description: "{{ $labels.instance }} missed {{ $value }} blocks in 10 minutes",
                },
            },
            {
                alert: "ChainHalted",
                expr: "max by (chain_id) (changes(cometbft_consensus_height[5m])) == 0",
                for: "1m",
                labels: { severity: "critical" },
                annotations: {
                    summary: "Chain halted",
                    description: "No node of {{ $labels.chain_id }} has seen a new block in 5 minutes",
                },
            },
            {
                alert: "NodeBehindTip",
                expr: `${TIP} - cometbft_consensus_height > 20`,
                for: "5m",
                labels: { severity: "warning" },
                annotations: {
                    summary: "Node is behind the chain tip",
                    description: "{{ $labels.instance }} is {{ $value }} blocks behind the highest node",
                },
            },
            {
                alert: "FewPeers",
                expr: "cometbft_p2p_peers < 3",
                for: "10m",
                labels: { severity: "warning" },
                annotations: {
                    summary: "Node has few peers",
                    description: "{{ $labels.instance }} has {{ $value }} peers",
                },
            },
            {
                alert: "VotingPowerMissing",
                expr: "cometbft_consensus_missing_validators_power / cometbft_consensus_validators_power > 0.1",
                for: "5m",
                labels: { severity: "critical" },
                annotations: {
                    summary: "Voting power is missing from consensus",
                    description:
                        "{{ $value | humanizePercentage }} of voting power is not signing; the chain halts above 33%",
                },
            },
        ],
    },
];

/** The label kube-prometheus-stack's operator selects PrometheusRules by (controllers.ts sets the selector). */
export const RULE_SELECTOR_LABELS = { release: "kube-prometheus-stack" } as const;

/** Every alert name, in source order. */
export const alertNames = (groups: readonly RuleGroup[] = ALERT_GROUPS) =>
    groups.flatMap((g) => g.rules.map((r) => r.alert));
