export interface TestTool {
  name: string;
  for: string;
  present(): boolean;
  install(log?: (line: string) => void): void;
}
export declare const aptPackages: { name: string; for: string }[];
export declare const tools: TestTool[];
export declare const promtoolPath: string;
export declare const amtoolPath: string;
