import { CONTROL_PLANE_LOG_TYPES } from "../../components/kubernetes/eks-cluster";
import { KUBERNETES_RELEASES } from "../../components/kubernetes/versions";
import { Made, runComponent } from "../helpers/component-run";

let made: Made;
beforeAll(async () => {
    made = new Made(await runComponent("tests/kubernetes/programs/eks-cluster.ts"));
});

const CLUSTER = "aws:eks/cluster:Cluster";

describe("EksCluster (preview, production, no admin role)", () => {
    it("pins the version, authenticates by access entries and keeps the creator's access when no admin role is set", () => {
        const cluster = made.one(CLUSTER);
        expect(cluster.inputs).toMatchObject({
            name: "virtengine-production-eu-west-1",
            version: "1.35",
            accessConfig: { authenticationMode: "API", bootstrapClusterCreatorAdminPermissions: true },
            deletionProtection: true,
        });
        expect(made.ofType("aws:eks/accessEntry:AccessEntry")).toEqual([]);
    });

    it("has a private endpoint only, over the private subnets of every zone", () => {
        expect(made.one(CLUSTER).inputs.vpcConfig).toMatchObject({
            endpointPrivateAccess: true,
            endpointPublicAccess: false,
            subnetIds: ["subnet-a", "subnet-b", "subnet-c"],
        });
    });

    it("encrypts Secrets with a rotating, protected KMS key", () => {
        const cluster = made.one(CLUSTER);
        expect(cluster.inputs.encryptionConfig).toMatchObject({ resources: ["secrets"] });
        const key = made.one("aws:kms/key:Key", "-secrets-key");
        expect(key.inputs.enableKeyRotation).toBe(true);
        expect(key.protect).toBe(true);
        expect(cluster.propertyDependencies.encryptionConfig).toContain(key.urn);
    });

    it("sends every control-plane log type to a log group with retention, created first", () => {
        const cluster = made.one(CLUSTER);
        expect(cluster.inputs.enabledClusterLogTypes).toEqual(CONTROL_PLANE_LOG_TYPES);
        expect(CONTROL_PLANE_LOG_TYPES).toHaveLength(5);
        const logs = made.one("aws:cloudwatch/logGroup:LogGroup");
        expect(logs.inputs).toMatchObject({
            name: "/aws/eks/virtengine-production-eu-west-1/cluster",
            retentionInDays: 90,
        });
        expect(cluster.dependencies).toContain(logs.urn);
    });

    it("opens 443, 10250, 9443 and 6443 on the nodes to the control plane only", () => {
        const controlPlane = made.one("aws:ec2/securityGroup:SecurityGroup", "-control-plane-sg");
        const fromControlPlane = made
            .ofType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule")
            .filter((r) => r.name.endsWith("-from-control-plane"));
        expect(fromControlPlane.map((r) => r.inputs.fromPort).sort()).toEqual([10250, 443, 6443, 9443]);
        for (const rule of fromControlPlane) {
            expect(rule.propertyDependencies.referencedSecurityGroupId).toEqual([controlPlane.urn]);
            expect(rule.inputs.cidrIpv4).toBeUndefined();
        }
    });

    it("opens api-gateway's NodePort on the nodes to the region's load balancers only", () => {
        const rules = made
            .ofType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule")
            .filter((r) => r.inputs.fromPort === 30080);
        expect(rules.map((r) => r.inputs)).toEqual([
            expect.objectContaining({ toPort: 30080, ipProtocol: "tcp", referencedSecurityGroupId: "sg-lb" }),
        ]);
        expect(rules[0].inputs.cidrIpv4).toBeUndefined();
        const nodeSg = made.one("aws:ec2/securityGroup:SecurityGroup", "-node-sg");
        expect(rules[0].propertyDependencies.securityGroupId).toEqual([nodeSg.urn]);
    });

    it("pins every add-on: vpc-cni and the pod identity agent before the nodes, the rest after", () => {
        const addons = made.ofType("aws:eks/addon:Addon");
        expect(Object.fromEntries(addons.map((a) => [a.inputs.addonName, a.inputs.addonVersion]))).toEqual(
            KUBERNETES_RELEASES["1.35"].addons,
        );
        const nodes = made.one("aws:eks/nodeGroup:NodeGroup");
        for (const a of addons) {
            const name = a.inputs.addonName as string;
            if (["vpc-cni", "eks-pod-identity-agent"].includes(name)) expect(nodes.dependencies).toContain(a.urn);
            else expect(a.dependencies).toContain(nodes.urn);
        }
    });
});

describe("KubernetesNodeGroup", () => {
    it("launches m6i nodes in every zone through a template, ignoring desiredSize after creation", () => {
        const nodes = made.one("aws:eks/nodeGroup:NodeGroup");
        expect(nodes.inputs).toMatchObject({
            instanceTypes: ["m6i.xlarge"],
            subnetIds: ["subnet-a", "subnet-b", "subnet-c"],
            scalingConfig: { minSize: 2, desiredSize: 2, maxSize: 8 },
            tags: expect.objectContaining({ "virtengine:role": "kubernetes-node" }),
        });
        expect(nodes.ignoreChanges).toEqual(["scalingConfig.desiredSize"]);
        const template = made.one("aws:ec2/launchTemplate:LaunchTemplate");
        expect(nodes.propertyDependencies.launchTemplate).toContain(template.urn);
    });

    it("requires IMDSv2 with hop limit 2 and encrypts the root volume with the region's key", () => {
        const template = made.one("aws:ec2/launchTemplate:LaunchTemplate");
        expect(template.inputs.metadataOptions).toEqual({
            httpEndpoint: "enabled",
            httpTokens: "required",
            httpPutResponseHopLimit: 2,
        });
        expect(template.inputs.blockDeviceMappings).toEqual([
            expect.objectContaining({
                ebs: expect.objectContaining({
                    encrypted: "true",
                    kmsKeyId: "arn:aws:kms:eu-west-1:123456789012:key/ebs",
                }),
            }),
        ]);
        expect(template.inputs.tags).toMatchObject({ "virtengine:role": "kubernetes-node" });
    });

    it("joins the nodes to the ALB's api-gateway target group through the group's Auto Scaling group", () => {
        const attachment = made.one("aws:autoscaling/attachment:Attachment", "-api-gateway-attachment");
        expect(attachment.inputs.lbTargetGroupArn).toBe(
            "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/api/1",
        );
        // EKS names the group: it is known only once the node group exists.
        expect(attachment.propertyDependencies.autoscalingGroupName).toEqual([
            made.one("aws:eks/nodeGroup:NodeGroup").urn,
        ]);
    });

    it("gives the node role only the managed policies nodes need", () => {
        const policies = made
            .ofType("aws:iam/rolePolicyAttachment:RolePolicyAttachment")
            .filter((a) => a.name.startsWith("eu-west-1-kubernetes-workers-"))
            .map((a) => a.inputs.policyArn)
            .sort();
        expect(policies).toEqual([
            "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly",
            "arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy",
            "arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy",
            "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore",
        ]);
    });

    it("puts every resource on the region's provider, parented under its component", () => {
        for (const r of made.run.resources.filter((x) => x.custom && !x.type.startsWith("pulumi:providers:"))) {
            expect({ name: r.name, region: r.providerRegion }).toEqual({ name: r.name, region: "eu-west-1" });
            expect(r.parent).toMatch(/virtengine:kubernetes:(EksCluster|NodeGroup)::/);
        }
    });
});
