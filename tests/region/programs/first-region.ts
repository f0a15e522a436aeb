import * as aws from "@pulumi/aws";
import { Route53Zone } from "../../../components/global/dns-zone";
import { VirtEngineRegion } from "../../../components/region/virtengine-region";
import { loadConfig } from "../../../config/load";

/*
 * A program that builds one VirtEngineRegion alone (the config's first
 * region), from the stack config the engine hands it: the component under
 * test without the rest of the network (a zone stands in for the global
 * DNS its certificate validates through).
 */
const config = loadConfig();
const region = config.regions[0];
const global = new aws.Provider("global-aws", { region: "us-west-2" });
const validation = new Route53Zone("dns", { provider: global, domain: config.domain, protect: false });
new VirtEngineRegion(region.name, { region, config, peerCidrs: [], validation });
