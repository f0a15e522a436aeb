import { API_GATEWAY, NAMESPACE, PROVIDER_DAEMON } from "./workload-specs";

/**
 * The documents' "VirtEngine Horizontal Scaling" dashboard (seeds 000,
 * "Scaling Metrics Dashboard"), for the Grafana of kube-prometheus-stack,
 * which loads ConfigMaps labelled `grafana_dashboard: "1"`. Corrected to the
 * HPAs that exist: KEDA names provider-daemon's `keda-hpa-provider-daemon`;
 * api-gateway's HPA is `api-gateway`. The documents' log panel needs Loki,
 * which this stack does not run, so it shows the HPAs' scaling conditions.
 */
export function scalingDashboard(): string {
    const replicaPanel = (title: string, deployment: string, hpa: string, y: number) => ({
        title,
        type: "timeseries",
        gridPos: { x: 0, y, w: 24, h: 8 },
        targets: [
            {
                expr: `kube_deployment_status_replicas{namespace="${NAMESPACE}", deployment="${deployment}"}`,
                legendFormat: "Current",
            },
            {
                expr: `kube_deployment_spec_replicas{namespace="${NAMESPACE}", deployment="${deployment}"}`,
                legendFormat: "Desired",
            },
            {
                expr: `kube_horizontalpodautoscaler_spec_min_replicas{namespace="${NAMESPACE}", horizontalpodautoscaler="${hpa}"}`,
                legendFormat: "Min",
            },
            {
                expr: `kube_horizontalpodautoscaler_spec_max_replicas{namespace="${NAMESPACE}", horizontalpodautoscaler="${hpa}"}`,
                legendFormat: "Max",
            },
        ],
    });
    return JSON.stringify({
        uid: "virtengine-scaling",
        title: "VirtEngine Horizontal Scaling",
        schemaVersion: 39,
        time: { from: "now-24h", to: "now" },
        panels: [
            replicaPanel("Provider Daemon Replicas", PROVIDER_DAEMON, `keda-hpa-${PROVIDER_DAEMON}`, 0),
            replicaPanel("API Gateway Replicas", API_GATEWAY, API_GATEWAY, 8),
            {
                title: "Scaling Conditions",
                type: "timeseries",
                gridPos: { x: 0, y: 16, w: 24, h: 8 },
                targets: [
                    {
                        expr: `kube_horizontalpodautoscaler_status_condition{namespace="${NAMESPACE}", status="true"}`,
                        legendFormat: "{{horizontalpodautoscaler}} {{condition}}",
                    },
                ],
            },
            {
                title: "Resource Utilization Heatmap",
                type: "heatmap",
                gridPos: { x: 0, y: 24, w: 24, h: 8 },
                targets: [
                    {
                        expr: `sum by (pod) (rate(container_cpu_usage_seconds_total{namespace="${NAMESPACE}"}[5m])) / sum by (pod) (kube_pod_container_resource_requests{resource="cpu", namespace="${NAMESPACE}"})`,
                    },
                ],
            },
        ],
    });
}
