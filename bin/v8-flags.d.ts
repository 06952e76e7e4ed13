// Types of v8-flags.js (plain JavaScript: bin/ runs before dist/ exists to be loaded).
export declare const HEAP_GROWING: string;
export declare function applyV8Flags(execArgv?: readonly string[]): void;
