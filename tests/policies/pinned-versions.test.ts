import { imageTag } from "../../policies/pinned-versions";
import type { RecordedResource } from "../../tools/harness/run-program";
import { resource } from "./fixtures";
import { clusterWith, k8sObject, kubernetesCluster } from "./kubernetes-fixtures";
import type { Spec } from "./kubernetes-fixtures";
import { evaluate, messagesOf, of } from "./pack";

const POLICY = "pinned-versions";
const messages = (resources: RecordedResource[]) => messagesOf(POLICY, resources);
const inputs = (resources: RecordedResource[], role: string) => k8sObject(resources, role).inputs as Spec;
const container = (resources: RecordedResource[], role: string) =>
    inputs(resources, role).spec.template.spec.containers[0];

describe("pinned-versions", () => {
    it("passes the program's releases (versions.ts) and images", async () => {
        expect(of(await evaluate(kubernetesCluster()), POLICY)).toEqual([]);
    });

    it("fails a release with a version range or no version, as mandatory; passes an exact one", async () => {
        const found = of(await evaluate(clusterWith((rs) => (inputs(rs, "keda").version = "^2.20.0"))), POLICY);
        expect(found).toHaveLength(1);
        expect(found[0].enforcementLevel).toBe("mandatory");
        expect(found[0].message).toBe(
            'Helm chart keda (us-east-1-keda) has version "^2.20.0", a range; set an exact version such as 2.20.2',
        );
        expect(await messages(clusterWith((rs) => delete inputs(rs, "keda").version))).toEqual([
            "Helm chart keda (us-east-1-keda) names no version; set version to an exact chart version",
        ]);
        expect(await messages(clusterWith((rs) => (inputs(rs, "keda").version = "2.x")))).toHaveLength(1);
        expect(await messages(clusterWith((rs) => (inputs(rs, "keda").version = "v2.20.2")))).toEqual([]);
    });

    it("fails a release without a repository, and passes an oci:// chart", async () => {
        expect(await messages(clusterWith((rs) => delete inputs(rs, "keda").repositoryOpts))).toEqual([
            expect.stringMatching(/^Helm chart keda \(us-east-1-keda\) names no repository/),
        ]);
        const oci = clusterWith((rs) => {
            delete inputs(rs, "keda").repositoryOpts;
            inputs(rs, "keda").chart = "oci://ghcr.io/kedacore/charts/keda";
        });
        expect(await messages(oci)).toEqual([]);
    });

    it("fails helm.v4 Charts without a version like releases", async () => {
        const chart = resource("kubernetes:helm.sh/v4:Chart", "cert-manager", {
            chart: "cert-manager",
            repositoryOpts: { repo: "https://charts.jetstack.io" },
        });
        expect(await messages([...kubernetesCluster(), chart])).toEqual([expect.stringMatching(/names no version/)]);
    });

    it("fails images tagged latest or untagged, in containers and init containers; passes digests", async () => {
        expect(
            await messages(
                clusterWith((rs) => (container(rs, "api-gateway").image = "ghcr.io/virtengine/api-gateway:latest")),
            ),
        ).toEqual([
            'us-east-1-api-gateway: container api-gateway runs image "ghcr.io/virtengine/api-gateway:latest" with the floating tag "latest"; name an exact tag or a digest',
        ]);
        expect(
            await messages(clusterWith((rs) => (container(rs, "api-gateway").image = "registry:5000/api-gateway"))),
        ).toEqual([expect.stringMatching(/runs image "registry:5000\/api-gateway" without a tag/)]);
        const init = clusterWith((rs) => {
            inputs(rs, "api-gateway").spec.template.spec.initContainers = [{ name: "migrate", image: "busybox" }];
        });
        expect(await messages(init)).toEqual([
            expect.stringMatching(/container migrate runs image "busybox" without a tag/),
        ]);
        const digest = clusterWith(
            (rs) => (container(rs, "api-gateway").image = `ghcr.io/virtengine/api-gateway@sha256:${"a".repeat(64)}`),
        );
        expect(await messages(digest)).toEqual([]);
    });

    it("fails an EKS add-on without addonVersion", async () => {
        const addon = resource("aws:eks/addon:Addon", "coredns", { addonName: "coredns", clusterName: "c" });
        expect(await messages([addon])).toEqual([expect.stringMatching(/^EKS add-on coredns names no addonVersion/)]);
        addon.inputs.addonVersion = "v1.12.3-eksbuild.1";
        expect(await messages([addon])).toEqual([]);
    });

    it("reads tags after the last slash only", () => {
        expect(imageTag("registry:5000/team/app:1.2.3")).toEqual({ tag: "1.2.3", digest: false });
        expect(imageTag("registry:5000/team/app")).toEqual({ tag: undefined, digest: false });
        expect(imageTag("app@sha256:abc")).toEqual({ digest: true });
    });
});
