import { PORTS } from "../common/ports";
import { ROLE, TAG_ROLE } from "../common/tags";

/** The Prometheus job the chain's own alert rules read (`cometbft_*` series). */
export const CHAIN_SCRAPE_JOB = "virtengine-chain";

/** Node roles whose CometBFT metrics (26660) the region's Prometheus scrapes. The snapshotter admits no inbound. */
export const SCRAPED_ROLES = [ROLE.validator, ROLE.fullNode] as const;

/** Prometheus turns an EC2 tag key into a label name with every other character as `_`. */
const tagLabel = (key: string) => `__meta_ec2_tag_${key.replace(/[^a-zA-Z0-9_]/g, "_")}`;

/**
 * The scrape job for one region's validators and full nodes: EC2 service
 * discovery in the cluster's own region (the Prometheus role may describe
 * instances: pod-identity-policies.ts), running instances tagged with a
 * scraped role, their private address on the metrics port (admitted from the
 * VPC only: node-security-groups.ts). Every series gets `region`, `zone`,
 * `role` and `instance_id`, which the chain's alert rules group by.
 */
export function chainScrapeConfig(region: string) {
    return {
        job_name: CHAIN_SCRAPE_JOB,
        scrape_interval: "15s",
        ec2_sd_configs: [
            {
                region,
                port: PORTS.metrics,
                refresh_interval: "60s",
                filters: [
                    { name: `tag:${TAG_ROLE}`, values: [...SCRAPED_ROLES] },
                    { name: "instance-state-name", values: ["running"] },
                ],
            },
        ],
        relabel_configs: [
            { target_label: "region", replacement: region },
            { source_labels: ["__meta_ec2_availability_zone"], target_label: "zone" },
            { source_labels: [tagLabel(TAG_ROLE)], target_label: "role" },
            { source_labels: ["__meta_ec2_instance_id"], target_label: "instance_id" },
            { source_labels: ["__meta_ec2_tag_Name"], target_label: "instance" },
        ],
    };
}
