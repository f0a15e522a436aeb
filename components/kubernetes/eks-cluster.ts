import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { childOptions } from "../common/child-options";
import { PORTS } from "../common/ports";
import { mergeTags, type Tags } from "../common/tags";
import { addonsFor, ADDONS_AFTER_NODES, ADDONS_BEFORE_NODES, type AddonName } from "./versions";
import { rotatingKey } from "../encryption/rotating-key";
import { serviceTrustPolicy } from "../iam/trust-policy";

export interface EksClusterArgs {
    /** The region's AWS provider. */
    provider: aws.Provider;
    /** EKS cluster name, e.g. `virtengine-production-us-east-1`. */
    clusterName: string;
    /** Kubernetes version (`virtengine:kubernetesVersion`). */
    version: string;
    vpcId: pulumi.Input<string>;
    /** Private subnets by zone: two zones or more (the control plane's ENIs and the nodes). */
    privateSubnetIds: Record<string, pulumi.Input<string>>;
    /** Role given cluster-admin through an access entry; when unset the creator keeps admin rights. */
    adminRoleArn?: string;
    /** Days CloudWatch keeps control-plane logs. */
    logRetentionDays: number;
    /** Production: deletion protection on the cluster, protected KMS key. */
    production: boolean;
    /** The region's public load balancers' group: it reaches api-gateway's NodePort on the nodes. */
    loadBalancerSecurityGroupId: pulumi.Input<string>;
    tags?: Tags;
}

/** Every control-plane log type EKS has. */
export const CONTROL_PLANE_LOG_TYPES = ["api", "audit", "authenticator", "controllerManager", "scheduler"];

/** Ports the control plane opens to nodes: kubelet, webhooks on 443, KEDA's webhook 9443 and metrics API 6443. */
export const CONTROL_PLANE_TO_NODE_PORTS = [
    { port: 443, rule: "https", description: "Admission webhooks and aggregated APIs on 443" },
    { port: 10250, rule: "kubelet", description: "kubelet: logs, exec, metrics" },
    { port: 9443, rule: "keda-webhook", description: "KEDA admission webhook" },
    { port: 6443, rule: "keda-metrics", description: "KEDA metrics API server (external metrics)" },
];

const policy = (name: string) => `arn:aws:iam::aws:policy/${name}`;
const assumeRole = (service: string) => serviceTrustPolicy(service, ["sts:AssumeRole", "sts:TagSession"]);

/**
 * One region's EKS control plane, from `@pulumi/aws` primitives only (a
 * remote `@pulumi/eks` component would be one opaque resource to the pack):
 * - API authentication with access entries (no aws-auth ConfigMap); the
 *   admin role, when configured, is the only cluster admin.
 * - Kubernetes Secrets encrypted with a rotating KMS key.
 * - Every control-plane log type, into a log group created first with a
 *   retention (EKS would otherwise create it without one).
 * - A private endpoint only: the API server is not on the internet, so
 *   `pulumi up` and operators reach it from inside the VPC (README, "Reaching
 *   a cluster").
 * - The cluster and node security groups, with the rules the control plane
 *   needs to reach nodes, and add-ons pinned in versions.ts.
 * Node groups are separate (node-group.ts): they take `nodeSecurityGroupId`
 * and wait for `addonsBeforeNodes`; `addonsAfter` then adds the rest.
 */
export class EksCluster extends pulumi.ComponentResource {
    public readonly cluster: aws.eks.Cluster;
    public readonly clusterName: pulumi.Output<string>;
    public readonly clusterSecurityGroupId: pulumi.Output<string>;
    public readonly nodeSecurityGroupId: pulumi.Output<string>;
    /** Add-ons the nodes must wait for. */
    public readonly addonsBeforeNodes: aws.eks.Addon[];
    public readonly secretsKeyArn: pulumi.Output<string>;
    private readonly provider: aws.Provider;
    private readonly addonVersions: Record<AddonName, string>;

    constructor(name: string, args: EksClusterArgs, opts?: pulumi.ComponentResourceOptions) {
        super("virtengine:kubernetes:EksCluster", name, {}, opts);
        const { provider, tags } = args;
        this.provider = provider;
        this.addonVersions = addonsFor(args.version);
        const child = (extra?: pulumi.CustomResourceOptions) => childOptions(this, provider, extra);
        const subnetIds = Object.values(args.privateSubnetIds);

        const key = rotatingKey(this, {
            prefix: `${name}-secrets`,
            provider,
            alias: `${args.clusterName}-secrets`,
            description: `Kubernetes Secrets encryption for ${args.clusterName}`,
            protect: args.production,
            tags,
        });

        const logGroup = new aws.cloudwatch.LogGroup(
            `${name}-control-plane-logs`,
            {
                name: `/aws/eks/${args.clusterName}/cluster`,
                retentionInDays: args.logRetentionDays,
                tags: mergeTags(`${name}-control-plane-logs`, tags),
            },
            child(),
        );

        const role = new aws.iam.Role(
            `${name}-cluster-role`,
            { assumeRolePolicy: assumeRole("eks.amazonaws.com"), tags: mergeTags(`${name}-cluster-role`, tags) },
            child(),
        );
        const rolePolicy = new aws.iam.RolePolicyAttachment(
            `${name}-cluster-policy`,
            { role: role.name, policyArn: policy("AmazonEKSClusterPolicy") },
            child(),
        );

        const clusterSg = new aws.ec2.SecurityGroup(
            `${name}-control-plane-sg`,
            {
                vpcId: args.vpcId,
                description: `EKS control plane of ${args.clusterName}`,
                tags: mergeTags(`${name}-control-plane-sg`, tags),
            },
            child(),
        );
        const nodeSg = new aws.ec2.SecurityGroup(
            `${name}-node-sg`,
            {
                vpcId: args.vpcId,
                description: `EKS nodes of ${args.clusterName}`,
                tags: mergeTags(`${name}-node-sg`, tags, { [`kubernetes.io/cluster/${args.clusterName}`]: "owned" }),
            },
            child(),
        );
        const ingress = (
            sg: aws.ec2.SecurityGroup,
            rule: string,
            port: number | "all",
            from: aws.ec2.SecurityGroup,
            description: string,
        ) =>
            new aws.vpc.SecurityGroupIngressRule(
                `${name}-${rule}`,
                {
                    securityGroupId: sg.id,
                    referencedSecurityGroupId: from.id,
                    description,
                    ...(port === "all" ? { ipProtocol: "-1" } : { ipProtocol: "tcp", fromPort: port, toPort: port }),
                    tags: mergeTags(`${name}-${rule}`, tags),
                },
                child(),
            );
        for (const { port, rule, description } of CONTROL_PLANE_TO_NODE_PORTS) {
            ingress(nodeSg, `node-${rule}-from-control-plane`, port, clusterSg, description);
        }
        ingress(nodeSg, "node-from-nodes", "all", nodeSg, "Pod and node traffic between nodes");
        new aws.vpc.SecurityGroupIngressRule(
            `${name}-node-api-gateway-from-load-balancer`,
            {
                securityGroupId: nodeSg.id,
                referencedSecurityGroupId: args.loadBalancerSecurityGroupId,
                ipProtocol: "tcp",
                fromPort: PORTS.apiGatewayNodePort,
                toPort: PORTS.apiGatewayNodePort,
                description: "api-gateway NodePort from the ALB of this region",
                tags: mergeTags(`${name}-node-api-gateway-from-load-balancer`, tags),
            },
            child(),
        );
        ingress(clusterSg, "control-plane-https-from-nodes", 443, nodeSg, "Nodes and pods to the API server");
        new aws.vpc.SecurityGroupEgressRule(
            `${name}-node-egress`,
            {
                securityGroupId: nodeSg.id,
                ipProtocol: "-1",
                cidrIpv4: "0.0.0.0/0",
                description: "Images, AWS APIs and the chain RPC through NAT",
                tags: mergeTags(`${name}-node-egress`, tags),
            },
            child(),
        );
        new aws.vpc.SecurityGroupEgressRule(
            `${name}-control-plane-egress`,
            {
                securityGroupId: clusterSg.id,
                ipProtocol: "-1",
                referencedSecurityGroupId: nodeSg.id,
                description: "Control plane to nodes",
                tags: mergeTags(`${name}-control-plane-egress`, tags),
            },
            child(),
        );

        this.cluster = new aws.eks.Cluster(
            `${name}-cluster`,
            {
                name: args.clusterName,
                version: args.version,
                roleArn: role.arn,
                vpcConfig: {
                    subnetIds,
                    securityGroupIds: [clusterSg.id],
                    endpointPrivateAccess: true,
                    endpointPublicAccess: false,
                },
                accessConfig: {
                    authenticationMode: "API",
                    // With an admin role configured, nobody else is admin; without one the
                    // creator (the deploying role) keeps access so Pulumi can manage the cluster.
                    bootstrapClusterCreatorAdminPermissions: args.adminRoleArn === undefined,
                },
                encryptionConfig: { resources: ["secrets"], provider: { keyArn: key.arn } },
                enabledClusterLogTypes: CONTROL_PLANE_LOG_TYPES,
                deletionProtection: args.production,
                upgradePolicy: { supportType: "STANDARD" },
                tags: mergeTags(`${name}-cluster`, tags),
            },
            child({ dependsOn: [logGroup, rolePolicy] }),
        );

        if (args.adminRoleArn !== undefined) {
            const entry = new aws.eks.AccessEntry(
                `${name}-admin-access`,
                { clusterName: this.cluster.name, principalArn: args.adminRoleArn, type: "STANDARD" },
                child(),
            );
            new aws.eks.AccessPolicyAssociation(
                `${name}-admin-policy`,
                {
                    clusterName: this.cluster.name,
                    principalArn: entry.principalArn,
                    policyArn: "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy",
                    accessScope: { type: "cluster" },
                },
                child(),
            );
        }

        this.addonsBeforeNodes = ADDONS_BEFORE_NODES.map((addon) => this.addon(name, addon));
        this.clusterName = this.cluster.name;
        this.clusterSecurityGroupId = clusterSg.id;
        this.nodeSecurityGroupId = nodeSg.id;
        this.secretsKeyArn = key.arn;
        this.registerOutputs({ clusterName: this.clusterName, nodeSecurityGroupId: this.nodeSecurityGroupId });
    }

    /** A pinned EKS add-on. */
    addon(name: string, addonName: AddonName, opts?: pulumi.CustomResourceOptions): aws.eks.Addon {
        return new aws.eks.Addon(
            `${name}-${addonName}`,
            {
                clusterName: this.cluster.name,
                addonName,
                addonVersion: this.addonVersions[addonName],
                resolveConflictsOnCreate: "OVERWRITE",
                resolveConflictsOnUpdate: "OVERWRITE",
            },
            childOptions(this, this.provider, opts),
        );
    }

    /** The add-ons that need nodes, created after `nodes`. */
    addonsAfter(name: string, nodes: pulumi.Resource[]): aws.eks.Addon[] {
        return ADDONS_AFTER_NODES.map((addon) => this.addon(name, addon, { dependsOn: nodes }));
    }
}
