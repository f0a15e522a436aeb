import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

/**
 * Options for a component's children: parented to the component and on the
 * region's provider, so no child ever falls back to the default provider.
 */
export function childOptions(
    parent: pulumi.Resource,
    provider: aws.Provider,
    extra?: pulumi.CustomResourceOptions,
): pulumi.CustomResourceOptions {
    return { ...extra, parent, provider };
}

/** The same for lookups (`aws.get*`): they take the region's provider too. */
export function invokeOptions(parent: pulumi.Resource, provider: aws.Provider): pulumi.InvokeOptions {
    return { parent, provider };
}
