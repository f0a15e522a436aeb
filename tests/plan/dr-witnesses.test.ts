import { disasterRecoveryDrill } from "../../tools/plan/dr/drill";
import { withDisasterRecovery } from "../../tools/plan/dr/report";
import { buildInventory } from "../../tools/plan/inventory";
import type { RecordedResource } from "../../tools/harness/run-program";
import { resource } from "../policies/fixtures";

/** A full-node launch template in `region` whose user data names `servers` as state-sync witnesses. */
function fullNodeTemplate(region: string, servers: string[]): RecordedResource {
    const userData = Buffer.from(`#!/bin/bash\nVIRTENGINE_STATESYNC_RPC_SERVERS=${servers.join(",")}\n`).toString(
        "base64",
    );
    return resource(
        "aws:ec2/launchTemplate:LaunchTemplate",
        `${region}-full-node-launch-template`,
        { userData, tags: { "virtengine:role": "full-node" } },
        { providerRegion: region },
    );
}

const chainBucket = (region: string) =>
    resource(
        "aws:s3/bucket:Bucket",
        `${region}-bucket`,
        { tags: { "virtengine:backup": "chain-state" } },
        { providerRegion: region },
    );

const REGIONS = ["us-east-1", "eu-west-1", "ap-south-1"];
const rpc = (region: string) => `https://${region}.rpc.example.org:443`;

describe("state-sync witnesses in the drill", () => {
    it("counts a regional witness as lost with its region and the global name as answering", () => {
        const resources = [
            fullNodeTemplate("us-east-1", [rpc("eu-west-1"), rpc("ap-south-1")]),
            fullNodeTemplate("eu-west-1", [rpc("us-east-1"), "https://rpc.example.org:443"]),
            fullNodeTemplate("ap-south-1", [rpc("us-east-1"), rpc("eu-west-1")]),
        ];
        const { loss } = disasterRecoveryDrill(resources, REGIONS, 500);
        expect(loss["eu-west-1"].witnesses).toEqual({ byRegion: { "us-east-1": 1, "ap-south-1": 1 }, minimum: 1 });
        expect(loss["us-east-1"].witnesses).toEqual({ byRegion: { "eu-west-1": 1, "ap-south-1": 1 }, minimum: 1 });
        expect(loss["ap-south-1"].witnesses.byRegion["eu-west-1"]).toBe(2);
    });

    it("warns in the plan when a loss leaves a region fewer than two witnesses", () => {
        const resources = [
            chainBucket("us-east-1"),
            fullNodeTemplate("us-east-1", [rpc("eu-west-1"), rpc("ap-south-1")]),
            fullNodeTemplate("eu-west-1", [rpc("us-east-1"), rpc("ap-south-1"), "https://rpc.example.org:443"]),
            fullNodeTemplate("ap-south-1", [rpc("us-east-1"), rpc("eu-west-1"), "https://rpc.example.org:443"]),
        ];
        const config = {
            environment: "test",
            regions: REGIONS.map((name, i) => ({ name, role: i === 0 ? "primary" : "secondary", zones: [] })),
        };
        const report = withDisasterRecovery(
            buildInventory(
                { project: "p", stack: "s", preview: true, resources: [], invokes: [], outputNames: [] },
                config,
            ),
            resources,
            config,
        );
        expect(report.warnings).toEqual([
            "losing eu-west-1 would leave full nodes in us-east-1 1 state-sync witness; CometBFT needs 2: list RPC servers outside eu-west-1 in virtengine:stateSyncRpcServers",
            "losing ap-south-1 would leave full nodes in us-east-1 1 state-sync witness; CometBFT needs 2: list RPC servers outside ap-south-1 in virtengine:stateSyncRpcServers",
        ]);
    });
});
