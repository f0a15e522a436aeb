import { fullNodeRestoreMinutes, restoreAssumptions, validatorRestoreMinutes } from "../../tools/plan/dr/assumptions";

describe("restore estimate", () => {
    const a = restoreAssumptions(500);

    it("adds boot, download, extraction and catching up on the archive's age for a full node", () => {
        // 200 GiB: 204800 MiB / 150 + 204800 MiB / 120 + (4.5 h / 6 s) blocks / 10 per s = 3342 s; + 5 min boot.
        expect(fullNodeRestoreMinutes(a)).toBe(Math.round(5 + (204800 / 150 + 204800 / 120 + 2700 / 10) / 60));
        expect(fullNodeRestoreMinutes(a)).toBe(61);
    });

    it("adds boot, volume restore and catching up on the recovery point's age for a validator", () => {
        expect(validatorRestoreMinutes(a)).toBe(5 + 10 + 6);
    });

    it("grows with the archive, which is assumed from the full-node volume until manifests measure it", () => {
        expect(restoreAssumptions(1000).archiveGiB).toMatchObject({ value: 400, status: "assumed" });
        expect(fullNodeRestoreMinutes(restoreAssumptions(1000))).toBeGreaterThan(fullNodeRestoreMinutes(a));
    });

    it("labels every input", () => {
        for (const [name, x] of Object.entries(a)) {
            expect({ name, status: x.status }).toEqual({
                name,
                status: expect.stringMatching(/^(assumed|design|documented)$/),
            });
        }
    });
});
