import type { RecordedResource } from "../../harness/run-program";
import { known, knownString, regionOfCustom, tagsOf, TYPES } from "../../harness/recorded";
import {
    DOCUMENTED_RTO_MINUTES,
    fullNodeRestoreMinutes,
    restoreAssumptions,
    validatorRestoreMinutes,
    type RestoreAssumptions,
} from "./assumptions";

/*
 * The region-loss drill's disaster-recovery half (issue 10): for each region
 * lost, which backup copies and state-sync witnesses are left, and how long a
 * restore would take. Read from the recorded resources, so it reports what
 * the program builds; the policy backups-multi-region is what fails the run
 * when a class is left in fewer than two regions.
 */

const BUCKET = TYPES.bucket;
const PLAN = TYPES.backupPlan;
const SELECTION = TYPES.backupSelection;
const VAULT = TYPES.backupVault;
const TEMPLATE = TYPES.launchTemplate;
const GROUP = TYPES.autoScalingGroup;

/** Where each backup class is kept, as built. */
export interface BackupPlacement {
    /** Regions with a chain-state bucket (`virtengine:backup = chain-state`). */
    chainArchives: string[];
    /** Per region with a validator volume backup plan: the regions its recovery points are kept in. */
    validatorVolumes: Record<string, string[]>;
    /** Regions running a snapshotter. */
    snapshotters: string[];
}

/** What one region's loss leaves of the backups. */
export interface BackupsLeft {
    chainArchives: { regions: string[]; copies: number };
    /** Per source region: the regions still holding its validator volume recovery points. */
    validatorVolumes: Record<string, { regions: string[]; copies: number }>;
    /** The fewest regions any class is left in (the policy wants at least 2). */
    fewestRegions: number;
}

export interface WitnessesLeft {
    /** Per surviving region: how many of its full nodes' state-sync RPC servers still answer. */
    byRegion: Record<string, number>;
    /** The fewest over the surviving regions; CometBFT needs 2. */
    minimum: number;
}

export interface RestoreEstimate {
    fullNodeMinutes: number;
    validatorMinutes: number;
    /** The documents' RTO for a region failure (D3). */
    documentedRtoMinutes: { fullNode: number; validator: number };
    withinRto: { fullNode: boolean; validator: boolean };
}

export interface RegionLossDr {
    backups: BackupsLeft;
    witnesses: WitnessesLeft;
    /** The longer of the full-node and validator restore estimates, in minutes. */
    restoreEstimateMinutes: number;
    restoreEstimate: RestoreEstimate;
}

const sorted = (items: Iterable<string>) => [...new Set(items)].sort();

/** Where the backups are, from the recorded resources. */
export function backupPlacement(resources: readonly RecordedResource[]): BackupPlacement {
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    const chainArchives = sorted(
        resources
            .filter((r) => r.type === BUCKET && tagsOf(r)["virtengine:backup"] === "chain-state")
            .map((r) => regionOfCustom(r))
            .filter((r): r is string => r !== undefined),
    );
    const selectedPlans = new Set(
        resources.filter((r) => r.type === SELECTION).flatMap((s) => s.propertyDependencies.planId ?? []),
    );
    const validatorVolumes: Record<string, string[]> = {};
    for (const plan of resources.filter((r) => r.type === PLAN && selectedPlans.has(r.urn))) {
        const region = regionOfCustom(plan);
        if (region === undefined) continue;
        const vaults = (plan.propertyDependencies.rules ?? [])
            .map((urn) => byUrn.get(urn))
            .filter((v): v is RecordedResource => v?.type === VAULT)
            .map((r) => regionOfCustom(r))
            .filter((r): r is string => r !== undefined);
        validatorVolumes[region] = sorted([...(validatorVolumes[region] ?? []), region, ...vaults]);
    }
    const snapshotters = sorted(
        resources
            .filter((r) => r.type === GROUP && tagsOf(r)["virtengine:role"] === "snapshotter")
            .map((r) => regionOfCustom(r))
            .filter((r): r is string => r !== undefined),
    );
    return { chainArchives, validatorVolumes, snapshotters };
}

/** Per region, the state-sync RPC servers its full nodes' user data names. */
export function stateSyncWitnesses(resources: readonly RecordedResource[]): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    for (const t of resources.filter((r) => r.type === TEMPLATE && tagsOf(r)["virtengine:role"] === "full-node")) {
        const region = regionOfCustom(t);
        const encoded = knownString(known(t.inputs.userData));
        if (region === undefined || encoded === undefined) continue;
        const text = Buffer.from(encoded, "base64").toString("utf8");
        const line = text.split("\n").find((l) => l.startsWith("VIRTENGINE_STATESYNC_RPC_SERVERS="));
        if (line)
            out[region] = line
                .slice(line.indexOf("=") + 1)
                .split(",")
                .filter(Boolean);
    }
    return out;
}

/**
 * Whether a witness still answers without `lost`: a regional name
 * (`https://<region>.rpc.…`) dies with its region; the global name and
 * names the program did not make are counted as answering.
 */
const answersWithout = (server: string, lost: string, regions: readonly string[]) => {
    const host = server.replace(/^https?:\/\//, "").split(/[:/]/)[0];
    const owner = regions.find((r) => host.startsWith(`${r}.`));
    return owner !== lost;
};

/** The drill for every region, in the order given. */
export function disasterRecoveryDrill(
    resources: readonly RecordedResource[],
    regions: readonly string[],
    fullNodeVolumeGiB: number,
): { placement: BackupPlacement; assumptions: RestoreAssumptions; loss: Record<string, RegionLossDr> } {
    const placement = backupPlacement(resources);
    const witnesses = stateSyncWitnesses(resources);
    const assumptions = restoreAssumptions(fullNodeVolumeGiB);
    const fullNodeMinutes = fullNodeRestoreMinutes(assumptions);
    const validatorMinutes = validatorRestoreMinutes(assumptions);
    const restoreEstimate: RestoreEstimate = {
        fullNodeMinutes,
        validatorMinutes,
        documentedRtoMinutes: { ...DOCUMENTED_RTO_MINUTES },
        withinRto: {
            fullNode: fullNodeMinutes <= DOCUMENTED_RTO_MINUTES.fullNode,
            validator: validatorMinutes <= DOCUMENTED_RTO_MINUTES.validator,
        },
    };
    const loss: Record<string, RegionLossDr> = {};
    for (const lost of regions) {
        const left = (held: readonly string[]) => {
            const remaining = held.filter((r) => r !== lost);
            return { regions: remaining, copies: remaining.length };
        };
        const chainArchives = left(placement.chainArchives);
        const validatorVolumes = Object.fromEntries(
            Object.entries(placement.validatorVolumes).map(([source, held]) => [source, left(held)]),
        );
        const byRegion: Record<string, number> = {};
        for (const [region, servers] of Object.entries(witnesses)) {
            if (region !== lost) byRegion[region] = servers.filter((s) => answersWithout(s, lost, regions)).length;
        }
        loss[lost] = {
            backups: {
                chainArchives,
                validatorVolumes,
                fewestRegions: Math.min(chainArchives.copies, ...Object.values(validatorVolumes).map((v) => v.copies)),
            },
            witnesses: { byRegion, minimum: Math.min(...Object.values(byRegion), Number.POSITIVE_INFINITY) },
            restoreEstimateMinutes: Math.max(fullNodeMinutes, validatorMinutes),
            restoreEstimate,
        };
        if (!Number.isFinite(loss[lost].witnesses.minimum)) loss[lost].witnesses.minimum = 0;
    }
    return { placement, assumptions, loss };
}
