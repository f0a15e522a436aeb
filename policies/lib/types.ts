/** AWS type tokens the policies look at (`@pulumi/aws` v7). */
export const T = {
    instance: "aws:ec2/instance:Instance",
    launchTemplate: "aws:ec2/launchTemplate:LaunchTemplate",
    volume: "aws:ebs/volume:Volume",
    volumeAttachment: "aws:ec2/volumeAttachment:VolumeAttachment",
    autoScalingGroup: "aws:autoscaling/group:Group",
    subnet: "aws:ec2/subnet:Subnet",
    vpc: "aws:ec2/vpc:Vpc",
    eip: "aws:ec2/eip:Eip",
    eipAssociation: "aws:ec2/eipAssociation:EipAssociation",
    securityGroup: "aws:ec2/securityGroup:SecurityGroup",
    securityGroupRule: "aws:ec2/securityGroupRule:SecurityGroupRule",
    ingressRule: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
    eksNodeGroup: "aws:eks/nodeGroup:NodeGroup",
    loadBalancer: "aws:lb/loadBalancer:LoadBalancer",
    albLoadBalancer: "aws:alb/loadBalancer:LoadBalancer",
    classicLoadBalancer: "aws:elb/loadBalancer:LoadBalancer",
    hostedZone: "aws:route53/zone:Zone",
    route53Record: "aws:route53/record:Record",
    listener: "aws:lb/listener:Listener",
    albListener: "aws:alb/listener:Listener",
    webAcl: "aws:wafv2/webAcl:WebAcl",
    webAclAssociation: "aws:wafv2/webAclAssociation:WebAclAssociation",
    bucket: "aws:s3/bucket:Bucket",
    bucketV2: "aws:s3/bucketV2:BucketV2",
} as const;

export const LOAD_BALANCER_TYPES: readonly string[] = [T.loadBalancer, T.albLoadBalancer, T.classicLoadBalancer];
