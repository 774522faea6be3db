// Structured logs: one JSON line per event on stdout. Callers pass counts and short id prefixes only,
// never tokens, secrets, full room ids, IPs or document content.
import type { LogLevel } from './config.ts'

export type LogFields = Record<string, string | number | boolean | null | undefined>
export interface LogLine { time: string; level: Exclude<LogLevel, 'silent'>; event: string; [field: string]: unknown }
export type LogSink = (line: LogLine) => void
export type Logger = {
  debug(event: string, fields?: LogFields): void
  info(event: string, fields?: LogFields): void
  warn(event: string, fields?: LogFields): void
  error(event: string, fields?: LogFields): void
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 }

export const stdoutSink: LogSink = (line) => {
  process.stdout.write(`${JSON.stringify(line)}\n`)
}

/** `sink` lets tests capture lines; levels below `level` are dropped. */
export const createLogger = (level: LogLevel, sink: LogSink = stdoutSink): Logger => {
  const at = (lineLevel: Exclude<LogLevel, 'silent'>) => (event: string, fields: LogFields = {}) => {
    if (RANK[lineLevel] < RANK[level]) return
    sink({ time: new Date().toISOString(), level: lineLevel, event, ...fields })
  }
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') }
}

/** What may appear in a log about a room: its first 6 characters. */
export const roomPrefix = (roomId: string): string => roomId.slice(0, 6)

/** Error messages can carry paths with room ids: log only the code or the class name. */
export const errorKind = (error: unknown): string => {
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string') return error.code
  return error instanceof Error ? error.name : 'unknown'
}
