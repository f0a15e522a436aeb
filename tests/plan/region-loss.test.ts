import { regionLoss } from "../../tools/plan/region-loss";

/** Regions with the given voting power each, one validator per unit of power. */
const regions = (...powers: number[]) =>
    Object.fromEntries(powers.map((p, i) => [`r${i + 1}`, { validators: p, votingPower: p }]));
const total = (...powers: number[]) => {
    const sum = powers.reduce((a, b) => a + b, 0);
    return { validators: sum, votingPower: sum };
};

describe("region loss", () => {
    it("2/2/2/1: losing any region keeps more than 2/3 online", () => {
        const loss = regionLoss(regions(2, 2, 2, 1), total(2, 2, 2, 1));
        expect(loss.r1).toEqual({ onlineShare: 0.7143, quorum: true, validatorsOnline: 5, traffic: null });
        expect(loss.r4).toEqual({ onlineShare: 0.8571, quorum: true, validatorsOnline: 6, traffic: null });
    });

    it("2/2/1: losing a two-validator region leaves 60%, and the chain halts", () => {
        const loss = regionLoss(regions(2, 2, 1), total(2, 2, 1));
        expect(loss.r1).toEqual({ onlineShare: 0.6, quorum: false, validatorsOnline: 3, traffic: null });
        expect(loss.r3.quorum).toBe(true);
    });

    it("exactly 2/3 online is not quorum (CometBFT needs more than 2/3)", () => {
        const loss = regionLoss(regions(1, 1, 1), total(1, 1, 1));
        expect(loss.r1).toEqual({ onlineShare: 0.6667, quorum: false, validatorsOnline: 2, traffic: null });
    });

    it("a region without validators costs nothing; no validators at all is no quorum", () => {
        expect(
            regionLoss({ ...regions(1, 1, 1, 1), empty: { validators: 0, votingPower: 0 } }, total(1, 1, 1, 1)).empty,
        ).toEqual({ onlineShare: 1, quorum: true, validatorsOnline: 4, traffic: null });
        expect(regionLoss(regions(0), total(0)).r1).toEqual({
            onlineShare: 0,
            quorum: false,
            validatorsOnline: 0,
            traffic: null,
        });
    });
});
