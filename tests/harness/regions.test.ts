import { attributeRegions, isGlobalType, regionOfCustom } from "../../tools/harness/recorded";
import { resource } from "../plan/fixtures";

// Region attribution on synthetic recorded resources: global services count
// under no region whatever provider created them; endpoint groups under the
// region they serve; Kubernetes objects under their cluster's region.
describe("regionOfCustom", () => {
    it("takes a resource's own region input over its provider's", () => {
        const r = resource("aws:ec2/subnet:Subnet", "s", { region: "us-east-1", inputs: { region: "eu-west-1" } });
        expect(regionOfCustom(r)).toBe("eu-west-1");
        expect(regionOfCustom(resource("aws:ec2/subnet:Subnet", "t", { region: "us-east-1" }))).toBe("us-east-1");
    });

    it.each([
        "aws:globalaccelerator/accelerator:Accelerator",
        "aws:globalaccelerator/listener:Listener",
        "aws:route53/zone:Zone",
        "aws:route53/record:Record",
        "aws:route53/healthCheck:HealthCheck",
        "cloudflare:index/loadBalancer:LoadBalancer",
        "cloudflare:index/dnsRecord:DnsRecord",
    ])("counts %s as global, even on a regional provider", (type) => {
        expect(isGlobalType(type)).toBe(true);
        expect(regionOfCustom(resource(type, "g", { region: "us-west-2", inputs: { region: "us-west-2" } }))).toBe(
            undefined,
        );
    });

    it("counts an endpoint group under its endpointGroupRegion, not GA's us-west-2", () => {
        const group = resource("aws:globalaccelerator/endpointGroup:EndpointGroup", "eu", {
            region: "us-west-2",
            inputs: { endpointGroupRegion: "eu-west-1" },
        });
        expect(regionOfCustom(group)).toBe("eu-west-1");
    });

    it("keeps regional services regional", () => {
        expect(isGlobalType("aws:lb/loadBalancer:LoadBalancer")).toBe(false);
        expect(isGlobalType("aws:acm/certificate:Certificate")).toBe(false);
    });
});

describe("attributeRegions", () => {
    it("puts Kubernetes objects under the region of the EKS cluster behind their provider", () => {
        const cluster = resource("aws:eks/cluster:Cluster", "chain", { region: "ap-south-1" });
        const k8sProvider = {
            ...resource("pulumi:providers:kubernetes", "ap-south-1-k8s"),
            propertyDependencies: { kubeconfig: [cluster.urn] },
        };
        const deployment = {
            ...resource("kubernetes:apps/v1:Deployment", "api"),
            provider: `${k8sProvider.urn}::id`,
        };
        const orphan = { ...resource("kubernetes:core/v1:Namespace", "nowhere"), provider: "" };
        const regions = attributeRegions([cluster, k8sProvider, deployment, orphan]);
        expect(regions.get(deployment.urn)).toBe("ap-south-1");
        expect(regions.get(orphan.urn)).toBe(undefined);
    });

    it("counts a Kubernetes provider, and the component holding it, under its cluster's region", () => {
        const regional = resource("virtengine:kubernetes:RegionalKubernetes", "us-east-1-kubernetes");
        const cluster = resource("aws:eks/cluster:Cluster", "chain", { region: "us-east-1", parent: regional.urn });
        const byCluster = {
            ...resource("pulumi:providers:kubernetes", "us-east-1-k8s", { parent: regional.urn }),
            propertyDependencies: { kubeconfig: [cluster.urn] },
        };
        // With no cluster among its dependencies, its identifier names the region.
        const byIdentifier = resource("pulumi:providers:kubernetes", "eu-west-1-k8s", {
            inputs: { clusterIdentifier: "eu-west-1/virtengine-eu" },
        });
        const regions = attributeRegions([regional, cluster, byCluster, byIdentifier]);
        expect(regions.get(byCluster.urn)).toBe("us-east-1");
        expect(regions.get(byIdentifier.urn)).toBe("eu-west-1");
        expect(regions.get(regional.urn)).toBe("us-east-1");
    });

    it("gives a component the region of its children, none when they include global ones", () => {
        const regional = resource("virtengine:edge:RegionalEdge", "east");
        const global = resource("virtengine:edge:GlobalEdge", "global");
        const resources = [
            regional,
            global,
            resource("aws:lb/loadBalancer:LoadBalancer", "alb", { region: "us-east-1", parent: regional.urn }),
            resource("aws:globalaccelerator/accelerator:Accelerator", "ga", {
                region: "us-west-2",
                parent: global.urn,
            }),
            resource("aws:globalaccelerator/endpointGroup:EndpointGroup", "eg", {
                region: "us-west-2",
                parent: global.urn,
                inputs: { endpointGroupRegion: "us-east-1" },
            }),
        ];
        const regions = attributeRegions(resources);
        expect(regions.get(regional.urn)).toBe("us-east-1");
        expect(regions.get(global.urn)).toBe(undefined);
    });
});
