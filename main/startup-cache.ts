import { enableCompileCache } from '../src/cli/compile-cache';

// Imported first by main/index.ts, for its side effect: Node's compile cache is on before any other
// module loads, so the packaged binary's headless CLI (the scheduled wipe, the start-up wipe's child)
// and the kiosk itself start from cached code (src/cli/compile-cache.ts says where and why there).
enableCompileCache();
