import { chainScrapeConfig } from "../../components/kubernetes/scrape-configs";

describe("the chain's scrape job", () => {
    const job = chainScrapeConfig("eu-west-1");

    it("labels every series with the region the alert rules group by, and the node's zone and role", () => {
        expect(job.relabel_configs).toEqual(
            expect.arrayContaining([
                { target_label: "region", replacement: "eu-west-1" },
                { source_labels: ["__meta_ec2_availability_zone"], target_label: "zone" },
                // Prometheus writes the tag key virtengine:role as virtengine_role.
                { source_labels: ["__meta_ec2_tag_virtengine_role"], target_label: "role" },
            ]),
        );
    });

    it("discovers only its own region's running validators and full nodes on the metrics port", () => {
        expect(job.ec2_sd_configs).toEqual([
            {
                region: "eu-west-1",
                port: 26660,
                refresh_interval: "60s",
                filters: [
                    { name: "tag:virtengine:role", values: ["validator", "full-node"] },
                    { name: "instance-state-name", values: ["running"] },
                ],
            },
        ]);
    });
});
