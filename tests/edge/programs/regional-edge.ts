import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { RegionalEdge } from "../../../components/edge/regional-edge";
import { Route53Zone } from "../../../components/global/dns-zone";

/*
 * A program that builds one region's edge, and a second region's, beside a
 * Route53 zone: what the edge tests check. Config `test:production` picks the
 * environment.
 */
const production = new pulumi.Config("test").getBoolean("production") ?? true;
const global = new aws.Provider("global-aws", { region: "us-west-2" });
const zone = new Route53Zone("dns", { provider: global, domain: "example.network", protect: production });

// ap-southeast-2: one of the longest region codes, so every name the provider generates must still fit.
export const edges = (["us-east-1", "eu-west-1", "ap-southeast-2"] as const).map((region, i) => {
    const provider = new aws.Provider(`${region}-provider`, { region });
    const subnets = ["a", "b"].map(
        (z) =>
            new aws.ec2.Subnet(
                `${region}-public-${z}`,
                { vpcId: "vpc-1", cidrBlock: `10.${i}.${z === "a" ? 0 : 1}.0/24`, availabilityZone: `${region}${z}` },
                { provider },
            ),
    );
    const group = new aws.autoscaling.Group(
        `${region}-full-node-asg`,
        { minSize: 2, maxSize: 4, vpcZoneIdentifiers: subnets.map((s) => s.id) },
        { provider },
    );
    return new RegionalEdge(`${region}-edge`, {
        provider,
        region: { name: region, role: i === 0 ? "primary" : "secondary", trafficDial: 100 },
        domain: "example.network",
        validation: zone,
        vpcId: "vpc-1",
        publicSubnetIds: subnets.map((s) => s.id),
        securityGroupId: "sg-lb",
        privateSubnetIds: ["subnet-private-a", "subnet-private-b"],
        restSecurityGroupId: "sg-rest",
        fullNodeGroupName: group.name,
        wafLogName: `virtengine-test-${region}`,
        production,
    });
});
