import type { ResourceValidationPolicy } from "@pulumi/policy";
import { bool, hasUnknownItems, isSet, isUnknown, list, obj, str, withDefaults } from "./lib/read";
import { T } from "./lib/types";

export interface EncryptedVolumesConfig {
    /** Also require a `kmsKeyId` (a customer-managed key) on every volume and device. Default false. */
    requireCustomerManagedKey: boolean;
}

export const ENCRYPTED_VOLUMES_DEFAULTS: EncryptedVolumesConfig = { requireCustomerManagedKey: false };

type Props = Record<string, unknown>;

const WORDS: Record<string, string> = {
    [T.volume]: "volume",
    [T.instance]: "instance",
    [T.launchTemplate]: "launch template",
};

/**
 * Chain data, node keys on disk and snapshots must be encrypted at rest. A
 * volume is encrypted only when it says so: the account's
 * encryption-by-default setting and an AMI's snapshot settings are invisible
 * to a preview (and can be switched off), so every EBS volume, every
 * instance's root and EBS devices, and every launch template's EBS mappings
 * must set `encrypted` explicitly. With `requireCustomerManagedKey` each must
 * also name a KMS key (a key ARN computed from a key in the stack counts:
 * it is set, only not known yet), so access to the data can be revoked and
 * audited per key rather than through the account's default `aws/ebs` key.
 */
export const encryptedVolumes: ResourceValidationPolicy = {
    name: "encrypted-volumes",
    description: "Every EBS volume, root device and launch template block device is encrypted.",
    enforcementLevel: "mandatory",
    configSchema: {
        properties: {
            requireCustomerManagedKey: {
                type: "boolean",
                default: ENCRYPTED_VOLUMES_DEFAULTS.requireCustomerManagedKey,
                description: "Also require kmsKeyId (a customer-managed KMS key) on every volume and block device.",
            },
        },
    },
    validateResource: (args, reportViolation) => {
        const word = WORDS[args.type];
        if (word === undefined) return;
        const { requireCustomerManagedKey } = withDefaults(
            args.getConfig<EncryptedVolumesConfig>(),
            ENCRYPTED_VOLUMES_DEFAULTS,
        );
        const what = `${word} ${args.name}`;
        const unverifiable = (key: string) =>
            reportViolation(
                `${what}: encryption cannot be verified during preview: ${key} is not known until deployment; ` +
                    `set it from a plain value`,
            );

        /** One volume or device: `label` names it in messages, `yes` is how the resource spells true. */
        const checkDevice = (device: Props, label: string, yes: string) => {
            const encrypted = bool(device, "encrypted");
            if (encrypted === undefined && isUnknown(device, "encrypted")) {
                unverifiable(`${label}encrypted`);
            } else if (encrypted !== true) {
                const now = encrypted === false ? "is false" : "is not set";
                reportViolation(`${what}: ${label}encrypted ${now}, so the volume is unencrypted; set it to ${yes}`);
            }
            if (requireCustomerManagedKey && !isSet(device, "kmsKeyId")) {
                reportViolation(
                    `${what}: ${label}kmsKeyId is not set; this stack requires a customer-managed key ` +
                        `(requireCustomerManagedKey), so set it to the region's EBS KMS key ARN`,
                );
            }
        };
        const deviceLabel = (device: Props, key: string, index: number) =>
            `${key}[${str(device, "deviceName") ?? index}]`;

        switch (args.type) {
            case T.volume:
                checkDevice(args.props, "", "true");
                return;

            case T.instance: {
                if (isUnknown(args.props, "rootBlockDevice")) {
                    unverifiable("rootBlockDevice");
                } else {
                    const root = obj(args.props, "rootBlockDevice");
                    if (root === undefined) {
                        reportViolation(
                            `${what} sets no rootBlockDevice, so its root volume takes the AMI's settings ` +
                                `(unencrypted unless the account encrypts by default); ` +
                                `set rootBlockDevice: { encrypted: true }`,
                        );
                    } else {
                        checkDevice(root, "rootBlockDevice.", "true");
                    }
                }
                if (hasUnknownItems(args.props, "ebsBlockDevices")) unverifiable("ebsBlockDevices");
                list(args.props, "ebsBlockDevices").forEach((d, i) =>
                    checkDevice(d as Props, `${deviceLabel(d as Props, "ebsBlockDevices", i)}.`, "true"),
                );
                return;
            }

            case T.launchTemplate: {
                if (hasUnknownItems(args.props, "blockDeviceMappings")) return unverifiable("blockDeviceMappings");
                let ebsMappings = 0;
                list(args.props, "blockDeviceMappings").forEach((m, i) => {
                    const mapping = m as Props;
                    const label = deviceLabel(mapping, "blockDeviceMappings", i);
                    // Instance-store (virtualName) and suppressed (noDevice) mappings have no EBS volume.
                    if (isSet(mapping, "virtualName") || isSet(mapping, "noDevice")) return;
                    if (isUnknown(mapping, "ebs")) return unverifiable(`${label}.ebs`);
                    const ebs = obj(mapping, "ebs");
                    if (ebs === undefined) return;
                    ebsMappings++;
                    // Launch templates take booleans as strings ("true").
                    checkDevice(ebs, `${label}.ebs.`, '"true"');
                });
                if (ebsMappings === 0) {
                    reportViolation(
                        `${what} has no EBS blockDeviceMappings, so instances get the AMI's root volume settings ` +
                            `(unencrypted unless the account encrypts by default); add a mapping for the root device ` +
                            `with ebs: { encrypted: "true" }`,
                    );
                }
                return;
            }
        }
    },
};
