import { engineValue, NAMESPACE } from "../../config/engine-config";
import { configSchema } from "../../config/schema";

/**
 * What the offline plan hands the program for a `virtengine:*` key given as a
 * `secure:` value. Its ciphertext needs the stack's secrets provider, which
 * the plan does not have, so nobody can read or check the value offline; the
 * program still needs a value of the right shape to build the stack. It gets
 * a stand-in that the key's schema accepts (the key's default where it has
 * one), as a secret, and the plan says in a warning which keys were not
 * checked. The stand-ins are invented values, never the user's.
 */

/** Stand-ins for keys without a default that a stack may plausibly keep secret. */
const STAND_INS: Readonly<Record<string, string>> = {
    // `.invalid` is reserved (RFC 2606): it can never be somebody's real domain.
    domain: "not-decrypted.invalid",
    // Account 000000000000 does not exist.
    clusterAdminRoleArn: "arn:aws:iam::000000000000:role/not-decrypted",
    cloudflareAccountId: "0".repeat(32),
    cloudflareZoneId: "0".repeat(32),
};

/** A stand-in as the engine passes it, or the problem to report when the plan cannot do without the value. */
export type StandIn = { ok: true; engineText: string } | { ok: false; problem: string };

const FIELDS: ReadonlyMap<string, { safeParse(value: unknown): { success: boolean; data?: unknown } }> = new Map(
    Object.entries(configSchema.shape),
);

/**
 * The stand-in for the known key `virtengine:<key>`; for a key the plan
 * cannot do without (`regions`, `environment`, ...), the problem to report.
 * Undefined for a key the schema does not know: the schema reports it.
 */
export function secureStandIn(key: string): StandIn | undefined {
    const field = FIELDS.get(key);
    if (field === undefined) return undefined;
    const fallback = field.safeParse(undefined);
    const value = fallback.success && fallback.data !== undefined ? fallback.data : STAND_INS[key];
    if (value === undefined) {
        return {
            ok: false,
            problem: `${NAMESPACE}:${key}: is a secure: value, which the offline plan cannot decrypt, and the plan cannot build the stack without it; set it in plain text to plan`,
        };
    }
    return { ok: true, engineText: engineValue(value) };
}

/** The warning for a key planned with a stand-in: its value was not checked. */
export const standInWarning = (key: string, standIn: string): string =>
    `${NAMESPACE}:${key} is a secure: value the offline plan cannot decrypt: it was not checked, and the plan used the stand-in ${standIn} in its place`;
