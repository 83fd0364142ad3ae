// Types for the afterPack hook (plain .mjs so electron-builder loads it without a build); used by test/packaging/.
export declare function fuseWire(wanted: Record<string, boolean>, FuseV1Options: Record<string, unknown>): Record<number, boolean>;
export declare function wantedFusesFrom(projectDir: string): Promise<Record<string, boolean>>;
export declare function afterPack(context: unknown): Promise<void>;
export declare function electronBinaryPath(context: unknown): string;
