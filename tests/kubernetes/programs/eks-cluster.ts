import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { EksCluster } from "../../../components/kubernetes/eks-cluster";
import { KubernetesNodeGroup } from "../../../components/kubernetes/node-group";

// One cluster with its node group in three zones, as a region builds it; the
// admin role comes from config so a test can run with and without one.
const config = new pulumi.Config("test");
const provider = new aws.Provider("eu-west-1-provider", { region: "eu-west-1" });
const privateSubnetIds = { "eu-west-1a": "subnet-a", "eu-west-1b": "subnet-b", "eu-west-1c": "subnet-c" };
const cluster = new EksCluster("eu-west-1-kubernetes-eks", {
    provider,
    clusterName: "virtengine-production-eu-west-1",
    version: "1.35",
    vpcId: "vpc-1",
    privateSubnetIds,
    adminRoleArn: config.get("adminRoleArn"),
    logRetentionDays: 90,
    production: config.getBoolean("production") ?? true,
    loadBalancerSecurityGroupId: "sg-lb",
    tags: { "virtengine:region": "eu-west-1" },
});
const nodes = new KubernetesNodeGroup("eu-west-1-kubernetes-workers", {
    provider,
    clusterName: cluster.clusterName,
    privateSubnetIds,
    instanceType: "m6i.xlarge",
    size: { minSize: 2, desiredSize: 2, maxSize: 8 },
    nodeSecurityGroupId: cluster.nodeSecurityGroupId,
    kmsKeyArn: "arn:aws:kms:eu-west-1:123456789012:key/ebs",
    rootVolumeGiB: 50,
    dependsOn: cluster.addonsBeforeNodes,
    targetGroupArns: { "api-gateway": "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/api/1" },
});
cluster.addonsAfter("eu-west-1-kubernetes-eks", [nodes.nodeGroup]);
