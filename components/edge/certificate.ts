import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { childOptions } from "../common/child-options";
import { mergeTags, type Tags } from "../common/tags";
import { certificateNames, validationRecordNames } from "./hostnames";

/**
 * Where a certificate's DNS validation records go: the global zone (Route53 or
 * Cloudflare). Implementations create each distinct record once however many
 * regions ask, and return its name for the certificate validation to wait on.
 */
export interface ValidationRecords {
    /** The FQDN of the record that validates `domainName`, read from `certificate`'s validation options. */
    validationRecordFqdn(domainName: string, certificate: aws.acm.Certificate): pulumi.Output<string>;
}

export interface RegionalCertificateArgs {
    /** The region's AWS provider: ACM certificates are regional. */
    provider: aws.Provider;
    /** The network's domain; the certificate covers rpc, api and grpc under it, with wildcards. */
    domain: string;
    /** The zone that holds validation records. */
    validation: ValidationRecords;
    /** Tags for every child. */
    tags?: Tags;
}

/**
 * One region's ACM certificate for the public names, DNS-validated. Listeners
 * take `certificateArn`, which resolves only once the certificate is issued.
 */
export class RegionalCertificate extends pulumi.ComponentResource {
    /** The validated certificate's ARN. */
    public readonly certificateArn: pulumi.Output<string>;
    public readonly certificate: aws.acm.Certificate;

    constructor(name: string, args: RegionalCertificateArgs, opts?: pulumi.ComponentResourceOptions) {
        super("virtengine:edge:RegionalCertificate", name, {}, opts);
        const [domainName, ...alternatives] = certificateNames(args.domain);
        this.certificate = new aws.acm.Certificate(
            `${name}-certificate`,
            {
                domainName,
                subjectAlternativeNames: alternatives,
                validationMethod: "DNS",
                tags: mergeTags(`${name}-certificate`, args.tags),
            },
            // A changed name list issues a new certificate before listeners let go of the old one.
            childOptions(this, args.provider, { deleteBeforeReplace: false }),
        );
        const fqdns = validationRecordNames(certificateNames(args.domain)).map((n) =>
            args.validation.validationRecordFqdn(n, this.certificate),
        );
        const validation = new aws.acm.CertificateValidation(
            `${name}-validation`,
            { certificateArn: this.certificate.arn, validationRecordFqdns: fqdns },
            childOptions(this, args.provider),
        );
        this.certificateArn = validation.certificateArn;
        this.registerOutputs({ certificateArn: this.certificateArn });
    }
}

/**
 * The validation option of `certificate` for `domainName`. Throws (failing the
 * update loudly) when ACM did not return one: a record left out would leave
 * the certificate pending until the validation times out.
 */
export function validationOption(
    certificate: aws.acm.Certificate,
    domainName: string,
): pulumi.Output<{ name: string; type: string; value: string }> {
    return certificate.domainValidationOptions.apply((options) => {
        const option = (options ?? []).find((o) => o.domainName === domainName);
        if (!option?.resourceRecordName || !option.resourceRecordType || !option.resourceRecordValue) {
            throw new Error(`ACM returned no DNS validation record for ${domainName}`);
        }
        return { name: option.resourceRecordName, type: option.resourceRecordType, value: option.resourceRecordValue };
    });
}
