import * as aws from "@pulumi/aws";
import { RegionalKubernetes } from "../../../components/kubernetes/regional-kubernetes";

// One region's Kubernetes as VirtEngineRegion builds it (us-east-1, 4 provider daemons).
const provider = new aws.Provider("us-east-1-provider", { region: "us-east-1" });
new RegionalKubernetes("us-east-1-kubernetes", {
    provider,
    region: "us-east-1",
    environment: "production",
    chainId: "virtengine-1",
    kubernetesVersion: "1.35",
    adminRoleArn: "arn:aws:iam::123456789012:role/eks-admin",
    vpcId: "vpc-1",
    privateSubnetIds: { "us-east-1a": "subnet-a", "us-east-1b": "subnet-b", "us-east-1c": "subnet-c" },
    instanceType: "m6i.xlarge",
    providerDaemons: 4,
    ebsKeyArn: "arn:aws:kms:us-east-1:123456789012:key/ebs",
    logRetentionDays: 90,
    timeZone: "America/New_York",
    redisNodeType: "cache.m7g.large",
    loadBalancerSecurityGroupId: "sg-lb",
    apiGatewayTargetGroupArn: "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/api/1",
    restUpstreamUrl: "http://internal-rest.elb.us-east-1.amazonaws.com:1317",
});
