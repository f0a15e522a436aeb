import * as aws from "@pulumi/aws";
import { ProviderRedis } from "../../../components/kubernetes/redis";

const provider = new aws.Provider("ap-south-1-provider", { region: "ap-south-1" });
new ProviderRedis("ap-south-1-kubernetes-redis", {
    provider,
    replicationGroupId: "ve-production-ap-south-1",
    vpcId: "vpc-1",
    privateSubnetIds: { "ap-south-1a": "subnet-a", "ap-south-1b": "subnet-b", "ap-south-1c": "subnet-c" },
    nodeSecurityGroupId: "sg-nodes",
    nodeType: "cache.m7g.large",
    production: true,
});
