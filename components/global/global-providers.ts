import * as aws from "@pulumi/aws";
import * as cloudflare from "@pulumi/cloudflare";
import * as pulumi from "@pulumi/pulumi";

/** Global Accelerator's API lives only in us-west-2; Route53 is global. */
export const GLOBAL_AWS_REGION = "us-west-2";

export interface GlobalProvidersArgs {
    /** Build the Cloudflare provider too (globalTraffic: cloudflare). */
    cloudflare: boolean;
}

/**
 * The providers of global services: an AWS provider on us-west-2 of its own
 * (not the us-west-2 region's, so removing that region never replaces the
 * accelerator or the zone) and, when chosen, Cloudflare's with the API token
 * from the secret `cloudflare:apiToken`.
 */
export class GlobalProviders extends pulumi.ComponentResource {
    public readonly aws: aws.Provider;
    public readonly cloudflare?: cloudflare.Provider;

    constructor(name: string, args: GlobalProvidersArgs, opts?: pulumi.ComponentResourceOptions) {
        super("virtengine:global:Providers", name, {}, opts);
        this.aws = new aws.Provider(`${name}-aws`, { region: GLOBAL_AWS_REGION }, { parent: this });
        if (args.cloudflare) {
            this.cloudflare = new cloudflare.Provider(
                `${name}-cloudflare`,
                { apiToken: new pulumi.Config("cloudflare").requireSecret("apiToken") },
                { parent: this },
            );
        }
        this.registerOutputs({});
    }
}
