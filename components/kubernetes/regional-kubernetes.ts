import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { Tags } from "../common/tags";
import {
    CLUSTER_AUTOSCALER_SERVICE_ACCOUNT,
    ClusterControllers,
    MONITORING_NAMESPACE,
    PROMETHEUS_SERVICE_ACCOUNT,
} from "./controllers";
import { clusterAutoscalerStatements, prometheusDiscoveryStatements } from "./pod-identity-policies";
import { PodIdentityRole, type PolicyStatement } from "./pod-identity-role";
import { EksCluster } from "./eks-cluster";
import { clusterProvider } from "./kubernetes-provider";
import { KubernetesNodeGroup } from "./node-group";
import { ProviderRedis } from "./redis";
import { nodeGroupSize } from "./scaling-plan";
import { ClusterWorkloads } from "./workloads";

export interface RegionalKubernetesArgs {
    provider: aws.Provider;
    /** AWS region code. */
    region: string;
    environment: "production" | "staging";
    chainId: string;
    /** `virtengine:kubernetesVersion`. */
    kubernetesVersion: string;
    /** `virtengine:clusterAdminRoleArn`. */
    adminRoleArn?: string;
    vpcId: pulumi.Input<string>;
    /** Private subnets by zone (two zones or more). */
    privateSubnetIds: Record<string, pulumi.Input<string>>;
    /** Node instance type (`virtengine:instanceTypes.providerDaemon`, m6i). */
    instanceType: string;
    /** The region's `providerDaemons`: node-group floor and provider-daemon's off-hours floor. */
    providerDaemons: number;
    /** The region's EBS key, for the nodes' root volumes. */
    ebsKeyArn: pulumi.Input<string>;
    logRetentionDays: number;
    /** `virtengine:businessHoursTimeZone`. */
    timeZone: string;
    /** `virtengine:redisNodeType`. */
    redisNodeType: string;
    /** The region's public load balancers' security group (reaches api-gateway's NodePort). */
    loadBalancerSecurityGroupId: pulumi.Input<string>;
    /** The ALB's api-gateway target group (edge `apiGatewayTargetGroupArn`): the nodes join it. */
    apiGatewayTargetGroupArn: pulumi.Input<string>;
    /** The full nodes' REST inside the VPC (edge `restUpstreamUrl`): api-gateway forwards there. */
    restUpstreamUrl: pulumi.Input<string>;
    tags?: Tags;
}

/**
 * Everything Kubernetes in one region: the EKS cluster, its node group, the
 * provider daemons' Redis, the cluster's Kubernetes provider, the
 * controllers and the workloads. Ordering: cluster, the add-ons nodes need,
 * nodes, the remaining add-ons, controllers, then the custom resources
 * (after what defines their kinds).
 */
export class RegionalKubernetes extends pulumi.ComponentResource {
    public readonly clusterName: string;
    public readonly cluster: EksCluster;
    public readonly nodeGroup: KubernetesNodeGroup;
    public readonly redis: ProviderRedis;

    constructor(name: string, args: RegionalKubernetesArgs, opts?: pulumi.ComponentResourceOptions) {
        super("virtengine:kubernetes:RegionalKubernetes", name, {}, opts);
        const production = args.environment === "production";
        const parent = { parent: this };
        this.clusterName = `virtengine-${args.environment}-${args.region}`;

        this.cluster = new EksCluster(
            `${name}-eks`,
            {
                provider: args.provider,
                clusterName: this.clusterName,
                version: args.kubernetesVersion,
                vpcId: args.vpcId,
                privateSubnetIds: args.privateSubnetIds,
                adminRoleArn: args.adminRoleArn,
                logRetentionDays: args.logRetentionDays,
                production,
                loadBalancerSecurityGroupId: args.loadBalancerSecurityGroupId,
                tags: args.tags,
            },
            parent,
        );
        this.nodeGroup = new KubernetesNodeGroup(
            `${name}-workers`,
            {
                provider: args.provider,
                clusterName: this.cluster.clusterName,
                privateSubnetIds: args.privateSubnetIds,
                instanceType: args.instanceType,
                size: nodeGroupSize(args.providerDaemons),
                nodeSecurityGroupId: this.cluster.nodeSecurityGroupId,
                kmsKeyArn: args.ebsKeyArn,
                rootVolumeGiB: 50,
                dependsOn: this.cluster.addonsBeforeNodes,
                targetGroupArns: { "api-gateway": args.apiGatewayTargetGroupArn },
                tags: args.tags,
            },
            parent,
        );
        const addonsAfter = this.cluster.addonsAfter(`${name}-eks`, [this.nodeGroup.nodeGroup]);

        this.redis = new ProviderRedis(
            `${name}-redis`,
            {
                provider: args.provider,
                replicationGroupId: `ve-${args.environment}-${args.region}`,
                vpcId: args.vpcId,
                privateSubnetIds: args.privateSubnetIds,
                nodeSecurityGroupId: this.cluster.nodeSecurityGroupId,
                nodeType: args.redisNodeType,
                production,
                tags: args.tags,
            },
            parent,
        );

        const k8sProvider = clusterProvider(
            `${name}-k8s`,
            {
                region: args.region,
                clusterName: this.clusterName,
                endpoint: this.cluster.cluster.endpoint,
                certificateAuthorityData: this.cluster.cluster.certificateAuthority.apply((ca) => ca?.data),
                adminRoleArn: args.adminRoleArn,
            },
            { parent: this, dependsOn: [this.cluster] },
        );
        // Before the controllers start: Pod Identity gives credentials to pods created after the association.
        const identity = (
            role: string,
            namespace: string,
            serviceAccount: string,
            description: string,
            statements: PolicyStatement[],
        ) =>
            new PodIdentityRole(
                // Short: IAM role names (logical name and suffix) stop at 64 characters in every region.
                `${name}-${role}`,
                {
                    provider: args.provider,
                    // The cluster's output, not the name alone: the association waits for the cluster.
                    clusterName: this.cluster.clusterName,
                    namespace,
                    serviceAccount,
                    description,
                    statements,
                    tags: args.tags,
                },
                parent,
            );
        const identities = [
            identity(
                "prometheus",
                MONITORING_NAMESPACE,
                PROMETHEUS_SERVICE_ACCOUNT,
                "Prometheus in EKS: EC2 service discovery of the chain's nodes",
                prometheusDiscoveryStatements(),
            ),
            identity(
                "autoscaler",
                "kube-system",
                CLUSTER_AUTOSCALER_SERVICE_ACCOUNT,
                `Cluster autoscaler of ${this.clusterName}: sizes its node groups only`,
                clusterAutoscalerStatements(this.clusterName),
            ),
        ];
        const controllers = new ClusterControllers(
            `${name}-controllers`,
            {
                provider: k8sProvider,
                timeZone: args.timeZone,
                region: args.region,
                clusterName: this.clusterName,
                kubernetesVersion: args.kubernetesVersion,
                dependsOn: [this.nodeGroup, ...addonsAfter, ...identities.map((i) => i.association)],
            },
            parent,
        );
        new ClusterWorkloads(
            `${name}-workloads`,
            {
                provider: k8sProvider,
                region: args.region,
                chainId: args.chainId,
                providerDaemons: args.providerDaemons,
                timeZone: args.timeZone,
                redisHost: this.redis.primaryEndpoint,
                redisAuthToken: this.redis.authToken,
                restUpstreamUrl: args.restUpstreamUrl,
                crdsReady: controllers.crdsReady,
            },
            parent,
        );
        this.registerOutputs({ clusterName: this.clusterName, redisEndpoint: this.redis.primaryEndpoint });
    }
}
