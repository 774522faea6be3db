// How a screen reports an unexpected error it caught: to the app's single error channel (AppServices.reportError).
import { createContext } from 'preact'
import { useContext } from 'preact/hooks'

export type ReportError = (context: string, error: unknown) => void

/** Outside the app shell (a screen rendered alone): the log line the error channel writes, class name only. */
const logOnly: ReportError = (context, error) => {
  console.error(`[pedibus] ${context}: ${error instanceof Error ? error.name : typeof error}`)
}

/** The App provides AppServices.reportError; the tests provide their own to see what was reported. */
export const ReportErrorContext = createContext<ReportError>(logOnly)

export const useReportError = (): ReportError => useContext(ReportErrorContext)
