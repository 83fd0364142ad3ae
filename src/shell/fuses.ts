/**
 * The Electron fuses the packaged kiosk must have, keyed by @electron/fuses `FuseV1Options` names.
 * The packaging step flips them (`flipFuses`) and its check reads them back (`read`); a test keeps
 * the keys in step with the installed @electron/fuses. Plain data so the packaging script can import
 * it without Electron.
 */
export const wantedFuses = {
  /** ELECTRON_RUN_AS_NODE would turn the signed kiosk binary into a general Node interpreter. */
  RunAsNode: false,
  /** Cookies at rest encrypted with the OS key (citizen partitions are in memory; this guards the rest). */
  EnableCookieEncryption: true,
  /** NODE_OPTIONS could preload arbitrary code into the main process. */
  EnableNodeOptionsEnvironmentVariable: false,
  /** --inspect would open a debugger into the main process. */
  EnableNodeCliInspectArguments: false,
  /** The app.asar must match the hash embedded at packaging (Windows and macOS). */
  EnableEmbeddedAsarIntegrityValidation: true,
  /** Only app.asar is loaded, never a loose app/ folder someone dropped beside it. */
  OnlyLoadAppFromAsar: true,
  /** Default: one V8 snapshot for every process. */
  LoadBrowserProcessSpecificV8Snapshot: false,
  /** file: gets no extra powers; the kiosk never uses file: (the UI is served from app://). */
  GrantFileProtocolExtraPrivileges: false,
  /** Default: keep WebAssembly trap handlers (bounds checks done by guard pages). */
  WasmTrapHandlers: true,
} as const satisfies Record<string, boolean>;

export type FuseName = keyof typeof wantedFuses;
