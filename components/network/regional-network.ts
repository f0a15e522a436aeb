import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { childOptions, invokeOptions } from "../common/child-options";
import { mergeTags, type Tags } from "../common/tags";
import { planSubnets } from "./subnet-plan";

export interface RegionalNetworkArgs {
    /** The region's AWS provider; every child uses it. */
    provider: aws.Provider;
    /** AWS region code, for service endpoint names. */
    region: string;
    /** VPC IPv4 CIDR (/16 to /20, validated by config). */
    cidr: string;
    /** Availability Zones to build subnets in, in placement order. */
    zones: readonly string[];
    /**
     * `perZone`: one NAT gateway in every zone, so losing a zone does not cut
     * the others' egress (production). `single`: one NAT gateway in the first
     * zone, cheaper (staging).
     */
    natGateways: "perZone" | "single";
    /** Days to keep VPC flow logs in CloudWatch Logs. */
    flowLogRetentionDays: number;
    /** Tags for every child. */
    tags?: Tags;
}

/**
 * A region's VPC: public and private subnets in every configured zone, an
 * internet gateway, NAT gateways, route tables, flow logs, and an S3 gateway
 * endpoint so snapshot and backup traffic stays off the NAT gateways.
 */
export class RegionalNetwork extends pulumi.ComponentResource {
    public readonly vpcId: pulumi.Output<string>;
    public readonly cidr: string;
    /** AWS region code. */
    public readonly region: string;
    /** Private subnet id by zone name. */
    public readonly privateSubnetIds: Record<string, pulumi.Output<string>>;
    /** Public subnet id by zone name. */
    public readonly publicSubnetIds: Record<string, pulumi.Output<string>>;
    /**
     * Every route table by a stable key (`public`, `private-<zone>`), so that
     * peering routes can be named after the table they go in.
     */
    public readonly routeTableIds: Record<string, pulumi.Output<string>>;

    constructor(name: string, args: RegionalNetworkArgs, opts?: pulumi.ComponentResourceOptions) {
        super("virtengine:network:RegionalNetwork", name, {}, opts);
        if (args.zones.length === 0) {
            throw new pulumi.ResourceError(`${name}: zones must name at least one Availability Zone`, this);
        }
        const child = (extra?: pulumi.CustomResourceOptions) => childOptions(this, args.provider, extra);
        const tag = (n: string, specific?: Tags) => mergeTags(n, args.tags, specific);

        const vpc = new aws.ec2.Vpc(
            `${name}-vpc`,
            { cidrBlock: args.cidr, enableDnsHostnames: true, enableDnsSupport: true, tags: tag(`${name}-vpc`) },
            child(),
        );

        // The default security group allows all traffic between its members;
        // adopt it and leave it empty so nothing can use it by accident.
        new aws.ec2.DefaultSecurityGroup(
            `${name}-default-sg`,
            { vpcId: vpc.id, tags: tag(`${name}-default-sg`) },
            child(),
        );

        const igw = new aws.ec2.InternetGateway(`${name}-igw`, { vpcId: vpc.id, tags: tag(`${name}-igw`) }, child());

        const publicRouteTable = new aws.ec2.RouteTable(
            `${name}-public-rt`,
            { vpcId: vpc.id, tags: tag(`${name}-public-rt`, { "virtengine:tier": "public" }) },
            child(),
        );
        new aws.ec2.Route(
            `${name}-public-default-route`,
            { routeTableId: publicRouteTable.id, destinationCidrBlock: "0.0.0.0/0", gatewayId: igw.id },
            child(),
        );

        const plan = planSubnets(args.cidr, args.zones);
        const publicSubnets: Record<string, aws.ec2.Subnet> = {};
        const privateSubnets: Record<string, aws.ec2.Subnet> = {};
        for (const { zone, publicCidr, privateCidr } of plan) {
            publicSubnets[zone] = new aws.ec2.Subnet(
                `${name}-public-${zone}`,
                {
                    vpcId: vpc.id,
                    availabilityZone: zone,
                    cidrBlock: publicCidr,
                    // Public IPs are granted per launch template, never by default.
                    mapPublicIpOnLaunch: false,
                    tags: tag(`${name}-public-${zone}`, { "virtengine:tier": "public", "kubernetes.io/role/elb": "1" }),
                },
                child(),
            );
            new aws.ec2.RouteTableAssociation(
                `${name}-public-${zone}-rta`,
                { subnetId: publicSubnets[zone].id, routeTableId: publicRouteTable.id },
                child(),
            );
            privateSubnets[zone] = new aws.ec2.Subnet(
                `${name}-private-${zone}`,
                {
                    vpcId: vpc.id,
                    availabilityZone: zone,
                    cidrBlock: privateCidr,
                    mapPublicIpOnLaunch: false,
                    tags: tag(`${name}-private-${zone}`, {
                        "virtengine:tier": "private",
                        "kubernetes.io/role/internal-elb": "1",
                    }),
                },
                child(),
            );
        }

        // NAT gateways live in public subnets; with `single`, the first zone's.
        const natZones = args.natGateways === "perZone" ? args.zones : args.zones.slice(0, 1);
        const natByZone: Record<string, aws.ec2.NatGateway> = {};
        for (const zone of natZones) {
            const eip = new aws.ec2.Eip(
                `${name}-nat-${zone}-eip`,
                { domain: "vpc", tags: tag(`${name}-nat-${zone}-eip`) },
                child(),
            );
            natByZone[zone] = new aws.ec2.NatGateway(
                `${name}-nat-${zone}`,
                { allocationId: eip.allocationId, subnetId: publicSubnets[zone].id, tags: tag(`${name}-nat-${zone}`) },
                child({ dependsOn: [igw] }),
            );
        }

        const routeTables: Record<string, aws.ec2.RouteTable> = { public: publicRouteTable };
        for (const zone of args.zones) {
            const nat = natByZone[zone] ?? natByZone[natZones[0]];
            const table = new aws.ec2.RouteTable(
                `${name}-private-${zone}-rt`,
                { vpcId: vpc.id, tags: tag(`${name}-private-${zone}-rt`, { "virtengine:tier": "private" }) },
                child(),
            );
            new aws.ec2.Route(
                `${name}-private-${zone}-default-route`,
                { routeTableId: table.id, destinationCidrBlock: "0.0.0.0/0", natGatewayId: nat.id },
                child(),
            );
            new aws.ec2.RouteTableAssociation(
                `${name}-private-${zone}-rta`,
                { subnetId: privateSubnets[zone].id, routeTableId: table.id },
                child(),
            );
            routeTables[`private-${zone}`] = table;
        }

        new aws.ec2.VpcEndpoint(
            `${name}-s3-endpoint`,
            {
                vpcId: vpc.id,
                serviceName: `com.amazonaws.${args.region}.s3`,
                vpcEndpointType: "Gateway",
                routeTableIds: Object.values(routeTables).map((t) => t.id),
                tags: tag(`${name}-s3-endpoint`),
            },
            child(),
        );

        this.createFlowLogs(name, vpc, args, child, tag);

        this.vpcId = vpc.id;
        this.cidr = args.cidr;
        this.region = args.region;
        this.publicSubnetIds = Object.fromEntries(Object.entries(publicSubnets).map(([z, s]) => [z, s.id]));
        this.privateSubnetIds = Object.fromEntries(Object.entries(privateSubnets).map(([z, s]) => [z, s.id]));
        this.routeTableIds = Object.fromEntries(Object.entries(routeTables).map(([k, t]) => [k, t.id]));
        this.registerOutputs({
            vpcId: this.vpcId,
            publicSubnetIds: this.publicSubnetIds,
            privateSubnetIds: this.privateSubnetIds,
            routeTableIds: this.routeTableIds,
        });
    }

    /** All VPC traffic to CloudWatch Logs, through a role that may write only to its own log group. */
    private createFlowLogs(
        name: string,
        vpc: aws.ec2.Vpc,
        args: RegionalNetworkArgs,
        child: (extra?: pulumi.CustomResourceOptions) => pulumi.CustomResourceOptions,
        tag: (n: string, specific?: Tags) => Tags,
    ): void {
        const account = aws.getCallerIdentityOutput({}, invokeOptions(this, args.provider));
        const logGroup = new aws.cloudwatch.LogGroup(
            `${name}-flow-logs`,
            { retentionInDays: args.flowLogRetentionDays, tags: tag(`${name}-flow-logs`) },
            child(),
        );
        const role = new aws.iam.Role(
            `${name}-flow-logs-role`,
            {
                // Only flow logs of this account may assume the role (no confused deputy).
                assumeRolePolicy: account.accountId.apply((accountId) =>
                    JSON.stringify({
                        Version: "2012-10-17",
                        Statement: [
                            {
                                Effect: "Allow",
                                Principal: { Service: "vpc-flow-logs.amazonaws.com" },
                                Action: "sts:AssumeRole",
                                Condition: { StringEquals: { "aws:SourceAccount": accountId } },
                            },
                        ],
                    }),
                ),
                tags: tag(`${name}-flow-logs-role`),
            },
            child(),
        );
        new aws.iam.RolePolicy(
            `${name}-flow-logs-policy`,
            {
                role: role.id,
                policy: logGroup.arn.apply((arn) =>
                    JSON.stringify({
                        Version: "2012-10-17",
                        Statement: [
                            {
                                Effect: "Allow",
                                Action: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
                                Resource: [arn, `${arn}:*`],
                            },
                        ],
                    }),
                ),
            },
            child(),
        );
        new aws.ec2.FlowLog(
            `${name}-flow-log`,
            {
                vpcId: vpc.id,
                trafficType: "ALL",
                logDestinationType: "cloud-watch-logs",
                logDestination: logGroup.arn,
                iamRoleArn: role.arn,
                maxAggregationInterval: 60,
                tags: tag(`${name}-flow-log`),
            },
            child(),
        );
    }
}
