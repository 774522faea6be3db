// Entry point of the app layer for src/main.tsx and tests: the services factory and its environment type.
export { createAppServices } from './services.ts'
export { loadSessionRuntime } from './session-runtime-loader.ts'
export type { AppEnv } from './env.ts'
export type * from './api.ts'
