/**
 * Instance metadata options every node gets: IMDSv2 only (a token is
 * required, so a request forwarded by a confused service cannot read the
 * role's credentials). One hop by default; Kubernetes nodes need 2, since
 * pods are one network hop further from the metadata service.
 */
export function imdsv2Only(hopLimit = 1) {
    return { httpTokens: "required", httpEndpoint: "enabled", httpPutResponseHopLimit: hopLimit };
}
