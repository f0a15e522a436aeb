/**
 * Type tokens of the resources the program registers (`@pulumi/aws` v7).
 * policies/lib/types.ts keeps its own copy (the pack cannot import from
 * here); tests/harness/recorded.test.ts keeps the two equal.
 */
export const TYPES = {
    provider: "pulumi:providers:aws",
    instance: "aws:ec2/instance:Instance",
    launchTemplate: "aws:ec2/launchTemplate:LaunchTemplate",
    volume: "aws:ebs/volume:Volume",
    volumeAttachment: "aws:ec2/volumeAttachment:VolumeAttachment",
    autoScalingGroup: "aws:autoscaling/group:Group",
    vpc: "aws:ec2/vpc:Vpc",
    subnet: "aws:ec2/subnet:Subnet",
    natGateway: "aws:ec2/natGateway:NatGateway",
    route: "aws:ec2/route:Route",
    eip: "aws:ec2/eip:Eip",
    eipAssociation: "aws:ec2/eipAssociation:EipAssociation",
    securityGroup: "aws:ec2/securityGroup:SecurityGroup",
    securityGroupRule: "aws:ec2/securityGroupRule:SecurityGroupRule",
    ingressRule: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
    egressRule: "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
    peering: "aws:ec2/vpcPeeringConnection:VpcPeeringConnection",
    peeringAccepter: "aws:ec2/vpcPeeringConnectionAccepter:VpcPeeringConnectionAccepter",
    vpcEndpoint: "aws:ec2/vpcEndpoint:VpcEndpoint",
    flowLog: "aws:ec2/flowLog:FlowLog",
    kmsKey: "aws:kms/key:Key",
    eksNodeGroup: "aws:eks/nodeGroup:NodeGroup",
    loadBalancer: "aws:lb/loadBalancer:LoadBalancer",
    albLoadBalancer: "aws:alb/loadBalancer:LoadBalancer",
    classicLoadBalancer: "aws:elb/loadBalancer:LoadBalancer",
    hostedZone: "aws:route53/zone:Zone",
    bucket: "aws:s3/bucket:Bucket",
    bucketV2: "aws:s3/bucketV2:BucketV2",
} as const;
