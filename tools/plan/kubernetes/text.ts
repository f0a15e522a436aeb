import type { PlanReport } from "../report";
import { wrap } from "../text";

/** Zones without their region's prefix (`us-east-1a` in us-east-1 is `a`). */
const letters = (region: string, zones: readonly string[]) =>
    zones.map((z) => (z.startsWith(region) ? z.slice(region.length) : z)).join(",") || "-";

/**
 * The Kubernetes part of the terminal report: per region, the cluster, its
 * Redis and charts, then each workload with its scaling owner, floor,
 * ceiling and business hours. Prose lines (wrapped to the report's width)
 * rather than a table: the cells are long.
 */
export function kubernetesText(report: PlanReport): string[] {
    const k = report.kubernetes;
    if (!k || Object.keys(k).length === 0) return [];
    const lines = ["Kubernetes, per region (workloads: scaling owner, floor-ceiling, business hours):"];
    for (const [region, r] of Object.entries(k)) {
        for (const c of r.clusters) {
            const groups = c.nodeGroups
                .map(
                    (g) =>
                        `${g.instanceTypes.join("/")} ${g.minSize ?? "?"}-${g.maxSize ?? "?"} in ${letters(region, g.zones)}`,
                )
                .join(", ");
            lines.push(
                ...wrap(
                    `  ${region}: EKS ${c.name} ${c.version ?? "(unpinned)"}, ${c.endpoint} endpoint; nodes ${groups || "none"}`,
                ),
            );
            const addons = Object.entries(c.addons).map(([n, v]) => `${n} ${v ?? "(unpinned)"}`);
            lines.push(...wrap(`    add-ons: ${addons.join(", ") || "none"}`, undefined, "      "));
        }
        for (const redis of r.redis) {
            const traits = [
                redis.multiAz && "multi-AZ",
                redis.encryptedAtRest && redis.encryptedInTransit && "encrypted",
            ];
            lines.push(
                ...wrap(
                    `    redis ${redis.name}: ${redis.nodes ?? "?"} x ${redis.nodeType ?? "?"} in ${letters(region, redis.zones)}${traits
                        .filter(Boolean)
                        .map((t) => `, ${t}`)
                        .join("")}`,
                    undefined,
                    "      ",
                ),
            );
        }
        if (r.releases.length > 0) lines.push(...wrap(`    charts: ${r.releases.join(", ")}`, undefined, "      "));
        for (const w of r.workloads) {
            const bounds = `${w.floor ?? "?"}-${w.ceiling ?? "?"}`;
            const hours = w.businessHours ? `; business hours: ${w.businessHours}` : "";
            lines.push(...wrap(`    ${w.namespace}/${w.name}: ${w.owner}, ${bounds}${hours}`, undefined, "      "));
        }
    }
    return [...lines, ""];
}
