import { loadConfig } from "./config/load";
import { VirtEngineNetwork } from "./components/virtengine-network";

// Validate the whole config before anything is registered: a bad key stops
// the update with nothing created.
const config = loadConfig();
const network = new VirtEngineNetwork("virtengine", { config });

export const environment = config.environment;
export const regions = Object.fromEntries(
    Object.entries(network.regions).map(([code, region]) => [
        code,
        {
            vpcId: region.network.vpcId,
            privateSubnetIds: region.network.privateSubnetIds,
            publicSubnetIds: region.network.publicSubnetIds,
            validatorInstanceIds: region.validators.instanceIds,
            fullNodeAutoScalingGroup: region.fullNodes.autoScalingGroupName,
            loadBalancerSecurityGroupId: region.securityGroups.loadBalancer.id,
            albDnsName: region.edge.alb.dnsName,
            nlbDnsName: region.edge.nlb.dnsName,
        },
    ]),
);
export const peeringConnectionIds = network.peering.connectionIds;
export const globalTraffic = config.globalTraffic;
/** Route53 name servers to delegate the domain to (aws global traffic only). */
export const dnsNameServers = "nameServers" in network.dnsZone ? network.dnsZone.nameServers : undefined;
