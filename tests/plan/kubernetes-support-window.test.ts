import { kubernetesSupportWarning } from "../../tools/plan/kubernetes/support-window";

// Dates against the calendar in components/kubernetes/versions.ts (1.35: standard support to 2027-03-27).
describe("the plan's Kubernetes support-window warning", () => {
    it("says nothing while standard support has more than 60 days to run", () => {
        expect(kubernetesSupportWarning("1.35", new Date("2026-11-22T12:00:00Z"))).toBeUndefined();
        expect(kubernetesSupportWarning("1.35", new Date("2027-01-25T12:00:00Z"))).toBeUndefined();
    });

    it("warns in the last 60 days: the date, the days left, and pinning the next version", () => {
        expect(kubernetesSupportWarning("1.35", new Date("2027-01-27T00:00:00Z"))).toBe(
            "virtengine:kubernetesVersion 1.35 leaves EKS standard support on 2027-03-27 (in 59 days), when EKS " +
                "upgrades the clusters to 1.36 on its own; pin 1.36 in components/kubernetes/versions.ts (add-on " +
                "builds, autoscaler image), then set virtengine:kubernetesVersion to it before then",
        );
        // The last day of standard support is still inside it.
        expect(kubernetesSupportWarning("1.35", new Date("2027-03-27T12:00:00Z"))).toMatch(/in 0 days/);
    });

    it("warns past the end: EKS upgrades on its own, and a plan for the old version would downgrade", () => {
        const warning = kubernetesSupportWarning("1.35", new Date("2027-04-01T12:00:00Z"));
        expect(warning).toMatch(/^virtengine:kubernetesVersion 1\.35 left EKS standard support on 2027-03-27: /);
        expect(warning).toMatch(/EKS upgrades the clusters to 1\.36 on its own \(upgrade policy STANDARD\)/);
        expect(warning).toMatch(/would try to downgrade them/);
        expect(warning).not.toMatch(/\$0\.60/);
    });
});
