import { ALB_ZONE_IDS, ELB_ACCOUNT_IDS, NLB_ZONE_IDS, regional } from "./regional-ids";
import type { InvokeTable } from "./types";

/** The image id the mocked AMI lookup answers with. */
export const MOCK_AMI_ID = "ami-0123456789abcdef0";

/**
 * The lookups the offline plan can answer as AWS would. Anything else fails
 * the run (see ../mocks.ts): a lookup of something that exists only in a real
 * account (a hosted zone, a VPC) has no honest offline answer.
 */
export const invokeAnswers: InvokeTable = {
    "aws:index/getCallerIdentity:getCallerIdentity": (l) => ({
        accountId: l.accountId,
        arn: `arn:aws:iam::${l.accountId}:user/offline-plan`,
        userId: "OFFLINEPLAN",
        id: l.accountId,
    }),
    "aws:index/getPartition:getPartition": () => ({
        partition: "aws",
        dnsSuffix: "amazonaws.com",
        reverseDnsPrefix: "com.amazonaws",
        id: "aws",
    }),
    "aws:index/getRegion:getRegion": (l) => ({
        name: l.region,
        region: l.region,
        id: l.region,
        endpoint: `ec2.${l.region}.amazonaws.com`,
        description: l.region,
    }),
    "aws:ec2/getAmi:getAmi": () => ({
        id: MOCK_AMI_ID,
        imageId: MOCK_AMI_ID,
        name: "virtengine-node-offline-plan",
        architecture: "x86_64",
    }),
    "aws:lb/getHostedZoneId:getHostedZoneId": (l) => {
        const region = (l.args.region as string | undefined) ?? l.region;
        const network = l.args.loadBalancerType === "network";
        const id = network
            ? regional(NLB_ZONE_IDS, "NLB canonical hosted zone id", region)
            : regional(ALB_ZONE_IDS, "ALB canonical hosted zone id", region);
        return { id, region };
    },
    "aws:elb/getServiceAccount:getServiceAccount": (l) => {
        const region = (l.args.region as string | undefined) ?? l.region;
        const account = regional(ELB_ACCOUNT_IDS, "Elastic Load Balancing account id", region);
        return { id: account, arn: `arn:aws:iam::${account}:root`, region };
    },
};
