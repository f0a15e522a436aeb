import { createHash } from "node:crypto";
import { ALB_ZONE_IDS, GLOBAL_ACCELERATOR_ZONE_ID, NLB_ZONE_IDS } from "../../../components/edge/aws-constants";

/*
 * Computed state AWS returns for the edge's resources, in update mode: what
 * later resources read (DNS names, zone ids, ARN suffixes, validation
 * records). Shaped as AWS answers, so nothing downstream is flattered.
 */

const short = (text: string) => createHash("sha256").update(text).digest("hex").slice(0, 12);

/** The state to add to a new resource of `type`, or undefined when the type is not the edge's. */
export function edgeMockState(
    type: string,
    name: string,
    inputs: Record<string, unknown>,
    region: string,
): Record<string, unknown> | undefined {
    switch (type) {
        case "aws:acm/certificate:Certificate": {
            const names = [inputs.domainName, ...((inputs.subjectAlternativeNames as string[] | undefined) ?? [])];
            // ACM gives a name and its wildcard, in any region of the account, the same record.
            return {
                domainValidationOptions: names.map((domainName) => {
                    const base = String(domainName).replace(/^\*\./, "");
                    return {
                        domainName,
                        resourceRecordName: `_${short(base)}.${base}.`,
                        resourceRecordType: "CNAME",
                        resourceRecordValue: `_${short(`value:${base}`)}.acm-validations.aws.`,
                    };
                }),
            };
        }
        case "aws:acm/certificateValidation:CertificateValidation":
            return { certificateArn: inputs.certificateArn };
        case "aws:lb/loadBalancer:LoadBalancer": {
            const network = inputs.loadBalancerType === "network";
            const kind = network ? "net" : "app";
            const id = short(`${region}:${name}`);
            const lbName = name.slice(0, 24);
            return {
                name: lbName,
                arnSuffix: `${kind}/${lbName}/${id}`,
                arn: `arn:aws:elasticloadbalancing:${region}:123456789012:loadbalancer/${kind}/${lbName}/${id}`,
                dnsName: `${lbName}-${id}.${network ? `elb.${region}` : `${region}.elb`}.amazonaws.com`,
                zoneId: (network ? NLB_ZONE_IDS : ALB_ZONE_IDS)[region] ?? `Z${short(`zone:${region}`).toUpperCase()}`,
            };
        }
        case "aws:lb/targetGroup:TargetGroup": {
            const id = short(`${region}:${name}`);
            return {
                arnSuffix: `targetgroup/${name.slice(0, 24)}/${id}`,
                arn: `arn:aws:elasticloadbalancing:${region}:123456789012:targetgroup/${name.slice(0, 24)}/${id}`,
            };
        }
        case "aws:globalaccelerator/accelerator:Accelerator":
            return {
                dnsName: `a${short(name)}.awsglobalaccelerator.com`,
                hostedZoneId: GLOBAL_ACCELERATOR_ZONE_ID,
            };
        case "aws:route53/zone:Zone":
            return {
                zoneId: `Z${short(name).toUpperCase()}`,
                nameServers: ["ns-1.awsdns-01.org", "ns-2.awsdns-02.co.uk", "ns-3.awsdns-03.com", "ns-4.awsdns-04.net"],
            };
        case "aws:route53/record:Record":
            return { fqdn: String(inputs.name).replace(/\.$/, "") };
        case "aws:s3/bucket:Bucket": {
            const bucket = `${name}-${short(name)}`.slice(0, 63);
            return { bucket, arn: `arn:aws:s3:::${bucket}` };
        }
        default:
            return undefined;
    }
}
