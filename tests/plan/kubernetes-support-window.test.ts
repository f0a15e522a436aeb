import { kubernetesSupportWarning } from "../../tools/plan/kubernetes/support-window";

// Dates against the calendar in components/kubernetes/versions.ts (1.33: 2026-07-29, 1.35: 2027-03-27).
describe("the plan's Kubernetes support-window warning", () => {
    it("says nothing while standard support has more than 60 days to run", () => {
        expect(kubernetesSupportWarning("1.35", new Date("2026-11-22T12:00:00Z"))).toBeUndefined();
        expect(kubernetesSupportWarning("1.35", new Date("2027-01-25T12:00:00Z"))).toBeUndefined();
    });

    it("warns in the last 60 days, with the date and the days left", () => {
        expect(kubernetesSupportWarning("1.35", new Date("2027-01-27T00:00:00Z"))).toBe(
            "virtengine:kubernetesVersion 1.35 leaves EKS standard support on 2027-03-27 (in 59 days); " +
                "move virtengine:kubernetesVersion up one minor version at a time toward 1.35",
        );
    });

    it("warns past the end of standard support: the surcharge, the auto-upgrade and the way out", () => {
        const warning = kubernetesSupportWarning("1.33", new Date("2026-11-22T12:00:00Z"));
        expect(warning).toMatch(/^virtengine:kubernetesVersion 1\.33 left EKS standard support on 2026-07-29/);
        expect(warning).toMatch(/\$0\.60 per cluster-hour instead of \$0\.10/);
        expect(warning).toMatch(/one minor version at a time toward 1\.35$/);
        // The last day of standard support is still inside it.
        expect(kubernetesSupportWarning("1.33", new Date("2026-07-29T12:00:00Z"))).toMatch(/in 0 days/);
    });
});
