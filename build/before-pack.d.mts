// Types for the beforePack hook (plain .mjs so electron-builder loads it without a build); used by test/packaging/.
export declare function keyringPackageFor(platform: string, arch: string): string | null;
export declare function packagingProblems(projectDir: string, platform: string, arch: string): string[];
export declare function beforePack(context: unknown): Promise<void>;
