import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { childOptions } from "../common/child-options";
import { mergeTags, ROLE, TAG_ROLE, type Tags } from "../common/tags";
import type { NodeGroupSize } from "./scaling-plan";
import { encryptedGp3Device } from "../common/block-devices";
import { serviceTrustPolicy } from "../iam/trust-policy";
import { imdsv2Only } from "../common/imds";

/** The role tag the pack reads to treat an instance or launch template as a Kubernetes node. */
export const KUBERNETES_NODE_ROLE = ROLE.kubernetesNode;

export interface KubernetesNodeGroupArgs {
    provider: aws.Provider;
    clusterName: pulumi.Input<string>;
    /** Private subnets by zone; the group spans all of them (two zones or more). */
    privateSubnetIds: Record<string, pulumi.Input<string>>;
    /** An m6i type (`virtengine:instanceTypes.providerDaemon`). */
    instanceType: string;
    size: NodeGroupSize;
    nodeSecurityGroupId: pulumi.Input<string>;
    /** The region's EBS key: root volumes are encrypted with it. */
    kmsKeyArn: pulumi.Input<string>;
    /** Root volume size in GiB (images, logs, emptyDir). */
    rootVolumeGiB: number;
    /** Add-ons the nodes need when they join (vpc-cni, eks-pod-identity-agent). */
    dependsOn: pulumi.Resource[];
    /** Load balancer target groups the nodes join (the ALB's api-gateway NodePort group). */
    targetGroupArns: Record<string, pulumi.Input<string>>;
    tags?: Tags;
}

/** What the node role needs: join the cluster, run the VPC CNI, pull from ECR, be reachable by SSM. */
export const NODE_MANAGED_POLICIES = [
    "AmazonEKSWorkerNodePolicy",
    "AmazonEKS_CNI_Policy",
    "AmazonEC2ContainerRegistryReadOnly",
    "AmazonSSMManagedInstanceCore",
];

/**
 * A managed node group through a launch template: without a template EKS
 * leaves IMDSv1 on. The template requires IMDSv2 with hop limit 2 (pods are
 * one hop further from the metadata service), encrypts the root volume with
 * the region's key, and tags the instances `virtengine:role =
 * kubernetes-node` so the pack applies the Kubernetes rules. `desiredSize` is
 * set at creation only: afterwards the cluster autoscaler owns it.
 */
export class KubernetesNodeGroup extends pulumi.ComponentResource {
    public readonly nodeGroup: aws.eks.NodeGroup;
    public readonly roleArn: pulumi.Output<string>;

    constructor(name: string, args: KubernetesNodeGroupArgs, opts?: pulumi.ComponentResourceOptions) {
        super("virtengine:kubernetes:NodeGroup", name, {}, opts);
        const { provider, tags } = args;
        const child = (extra?: pulumi.CustomResourceOptions) => childOptions(this, provider, extra);
        const roleTags = { [TAG_ROLE]: KUBERNETES_NODE_ROLE };

        const role = new aws.iam.Role(
            `${name}-role`,
            {
                assumeRolePolicy: serviceTrustPolicy("ec2.amazonaws.com"),
                tags: mergeTags(`${name}-role`, tags),
            },
            child(),
        );
        const attachments = NODE_MANAGED_POLICIES.map(
            (policy) =>
                new aws.iam.RolePolicyAttachment(
                    `${name}-${policy}`,
                    { role: role.name, policyArn: `arn:aws:iam::aws:policy/${policy}` },
                    child(),
                ),
        );

        const template = new aws.ec2.LaunchTemplate(
            `${name}-template`,
            {
                description: `Nodes of ${name}: IMDSv2, encrypted root volume`,
                updateDefaultVersion: true,
                metadataOptions: imdsv2Only(2),
                blockDeviceMappings: [encryptedGp3Device("/dev/xvda", args.rootVolumeGiB, args.kmsKeyArn)],
                vpcSecurityGroupIds: [args.nodeSecurityGroupId],
                tagSpecifications: ["instance", "volume"].map((resourceType) => ({
                    resourceType,
                    tags: mergeTags(`${name}-node`, tags, roleTags),
                })),
                tags: mergeTags(`${name}-template`, tags, roleTags),
            },
            child(),
        );

        this.nodeGroup = new aws.eks.NodeGroup(
            `${name}-nodes`,
            {
                clusterName: args.clusterName,
                nodeRoleArn: role.arn,
                subnetIds: Object.values(args.privateSubnetIds),
                instanceTypes: [args.instanceType],
                amiType: "AL2023_x86_64_STANDARD",
                capacityType: "ON_DEMAND",
                scalingConfig: args.size,
                updateConfig: { maxUnavailable: 1 },
                launchTemplate: { id: template.id, version: template.latestVersion.apply((v) => String(v)) },
                labels: { "virtengine.network/pool": "workloads" },
                tags: mergeTags(`${name}-nodes`, tags, roleTags),
            },
            child({ dependsOn: [...attachments, ...args.dependsOn], ignoreChanges: ["scalingConfig.desiredSize"] }),
        );
        this.roleArn = role.arn;

        // EKS makes the group's Auto Scaling group; the nodes join target groups through it,
        // as the full nodes do (the managed group takes no target groups itself).
        const autoScalingGroupName = this.nodeGroup.resources.apply((resources) => {
            const asg = resources?.[0]?.autoscalingGroups?.[0]?.name;
            if (!asg) throw new Error(`EKS node group ${name} reported no Auto Scaling group`);
            return asg;
        });
        for (const [role, arn] of Object.entries(args.targetGroupArns)) {
            new aws.autoscaling.Attachment(
                `${name}-${role}-attachment`,
                { autoscalingGroupName: autoScalingGroupName, lbTargetGroupArn: arn },
                child(),
            );
        }
        this.registerOutputs({ nodeGroupName: this.nodeGroup.nodeGroupName });
    }
}
