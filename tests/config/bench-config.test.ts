import { largeConfig, largeRawConfig, LARGE_REGIONS } from "../../tools/bench/configs";

// `npm run bench` times the 20-region stack; a config the program rejects would time only the error path.
describe("the bench's large synthetic stack", () => {
    it("is valid config: three zones that exist in each of its 20 regions", () => {
        expect(() => largeConfig()).not.toThrow();
        const regions = largeRawConfig().regions as { zones: string[] }[];
        expect(regions).toHaveLength(LARGE_REGIONS);
        for (const region of regions) expect(region.zones).toHaveLength(3);
    });
});
