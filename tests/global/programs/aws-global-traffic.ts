import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { RegionEndpoints } from "../../../components/edge/endpoints";
import { AwsGlobalTraffic } from "../../../components/global/aws-global-traffic";

/** Global traffic over four regions' endpoints as the production config describes them. */
const dials = JSON.parse(new pulumi.Config("test").get("dials") ?? "{}") as Record<string, number>;
const regions: [string, RegionEndpoints["role"], number][] = [
    ["us-east-1", "primary", 100],
    ["eu-west-1", "secondary", 100],
    ["ap-south-1", "tertiary", 100],
    ["us-west-2", "standby", 0],
];
const endpoint = (region: string, kind: string) => ({
    arn: pulumi.output(`arn:aws:elasticloadbalancing:${region}:123456789012:loadbalancer/${kind}/x/1`),
    dnsName: pulumi.output(`${kind}-${region}.elb.amazonaws.com`),
    zoneId: `Z-${kind}-${region}`,
});
const provider = new aws.Provider("global-aws", { region: "us-west-2" });
export const traffic = new AwsGlobalTraffic("traffic", {
    provider,
    zoneId: "Z-ZONE",
    domain: "example.network",
    acceleratorName: "virtengine-test",
    regions: regions.map(([region, role, dial]) => ({
        region,
        role,
        trafficDial: dials[region] ?? dial,
        alb: endpoint(region, "app"),
        nlb: endpoint(region, "net"),
        healthCheck: { protocol: "HTTPS", port: 443, path: "/health" },
        targetHealth: { intervalSeconds: 10, unhealthyThreshold: 3 },
    })),
});
