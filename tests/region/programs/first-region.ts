import { VirtEngineRegion } from "../../../components/region/virtengine-region";
import { loadConfig } from "../../../config/load";

/*
 * A program that builds one VirtEngineRegion alone (the config's first
 * region), from the stack config the engine hands it: the component under
 * test without the rest of the network.
 */
const config = loadConfig();
const region = config.regions[0];
new VirtEngineRegion(region.name, { region, config, peerCidrs: [] });
