import type { ResourceValidationPolicy } from "@pulumi/policy";
import { K, specOf } from "./lib/kubernetes";
import { isUnknown, list, obj, str, withDefaults } from "./lib/read";

export interface PinnedVersionsConfig {
    /** Image tags that float and so never pin anything. */
    floatingTags: string[];
}

export const PINNED_VERSIONS_DEFAULTS: PinnedVersionsConfig = { floatingTags: ["latest"] };

type Props = Record<string, unknown>;

/** An exact SemVer version (a leading "v" allowed), never a range or a wildcard. */
const EXACT_VERSION = /^v?\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/;

/** Where a workload type keeps its pod spec. */
const POD_SPEC_PATHS: Record<string, string[]> = {
    [K.deployment]: ["spec", "template", "spec"],
    [K.statefulSet]: ["spec", "template", "spec"],
    [K.daemonSet]: ["spec", "template", "spec"],
    [K.job]: ["spec", "template", "spec"],
    [K.cronJob]: ["spec", "jobTemplate", "spec", "template", "spec"],
    [K.pod]: ["spec"],
};

/** The tag of an image reference, or undefined when it has none; digests count as pinned. */
export function imageTag(image: string): { tag?: string; digest: boolean } {
    if (image.includes("@sha256:")) return { digest: true };
    const lastSlash = image.lastIndexOf("/");
    const colon = image.indexOf(":", lastSlash + 1);
    return { tag: colon === -1 ? undefined : image.slice(colon + 1), digest: false };
}

/**
 * What runs must be what was reviewed. A Helm release without an exact chart
 * version installs whatever the repository serves that day, and one without a
 * repository resolves the chart from the machine's Helm config; an image
 * without a tag, or tagged `latest`, changes under a running Deployment at the
 * next pull. So: Helm releases name an exact chart `version` and a
 * `repositoryOpts.repo` (or an `oci://` chart); Helm charts rendered by a
 * provider (`helm.v3.Chart`, `helm.v4.Chart`) likewise; every container and
 * init container names a tag other than the floating ones, or a digest; EKS
 * add-ons name an `addonVersion` and clusters a `version`.
 */
export const pinnedVersions: ResourceValidationPolicy = {
    name: "pinned-versions",
    description:
        "Helm releases name an exact chart version and repository; container images name a tag other than latest.",
    enforcementLevel: "mandatory",
    configSchema: {
        properties: {
            floatingTags: {
                type: "array",
                items: { type: "string" },
                default: PINNED_VERSIONS_DEFAULTS.floatingTags,
                description: "Image tags that float (a pull may get a different image), refused like a missing tag.",
            },
        },
    },
    validateResource: (args, reportViolation) => {
        const config = withDefaults(args.getConfig<PinnedVersionsConfig>(), PINNED_VERSIONS_DEFAULTS);
        const props = args.props;
        switch (args.type) {
            case K.helmRelease:
            case K.helmChartV3:
            case K.helmChartV4: {
                const chart = str(props, "chart");
                const version = str(props, "version");
                if (version === undefined && !isUnknown(props, "version")) {
                    reportViolation(
                        `Helm chart ${chart ?? args.name} (${args.name}) names no version; set version to an exact chart version`,
                    );
                } else if (version !== undefined && !EXACT_VERSION.test(version)) {
                    reportViolation(
                        `Helm chart ${chart ?? args.name} (${args.name}) has version "${version}", a range; set an exact version such as 2.20.2`,
                    );
                }
                const repo =
                    str(obj(props, "repositoryOpts") ?? {}, "repo") ??
                    str(obj(props, "fetchOpts") ?? {}, "repo") ??
                    str(props, "repo");
                const oci = chart?.startsWith("oci://") === true;
                if (!oci && repo === undefined && !isUnknown(props, "repositoryOpts")) {
                    reportViolation(
                        `Helm chart ${chart ?? args.name} (${args.name}) names no repository; set repositoryOpts.repo (or use an oci:// chart)`,
                    );
                }
                return;
            }
            case "aws:eks/addon:Addon":
                if (str(props, "addonVersion") === undefined && !isUnknown(props, "addonVersion")) {
                    reportViolation(
                        `EKS add-on ${str(props, "addonName") ?? args.name} names no addonVersion; EKS would pick its default and change it under you`,
                    );
                }
                return;
            case "aws:eks/cluster:Cluster":
                if (str(props, "version") === undefined && !isUnknown(props, "version")) {
                    reportViolation(
                        `EKS cluster ${args.name} names no version; EKS would create the latest and the cluster would not match its add-ons`,
                    );
                }
                return;
        }
        const path = POD_SPEC_PATHS[args.type];
        if (path === undefined) return;
        let podSpec: Props | undefined = { spec: specOf(props) };
        for (const key of path) podSpec = podSpec && obj(podSpec, key);
        if (podSpec === undefined) return;
        for (const listKey of ["initContainers", "containers"]) {
            for (const container of list(podSpec, listKey) as Props[]) {
                const image = str(container, "image");
                if (image === undefined) continue;
                const { tag, digest } = imageTag(image);
                if (digest) continue;
                if (tag === undefined || config.floatingTags.includes(tag)) {
                    reportViolation(
                        `${args.name}: container ${str(container, "name") ?? "(unnamed)"} runs image "${image}" ` +
                            `${tag === undefined ? "without a tag" : `with the floating tag "${tag}"`}; name an exact tag or a digest`,
                    );
                }
            }
        }
    },
};
