// Parts every printed sheet shares: the header band in the line's colour (the name carries the meaning in black and white) and the footer with contact and print date.
import type { ComponentChildren } from 'preact'
import type { Contact } from '../../../app/queries/print/print-model.ts'
import type { LocalDate } from '../../../domain/dates.ts'
import type { Line } from '../../../domain/line.ts'
import { useI18n } from '../../i18n/context.tsx'
import { PageTitle } from '../PageTitle.tsx'
import { contactText, formatFullDay } from './print-format.ts'

interface SheetHeaderProps {
  readonly line: Pick<Line, 'colour'>
  readonly title: string
  /** The collective's name, or null before its profile arrived. */
  readonly collective: string | null
  readonly children?: ComponentChildren
}

export function SheetHeader({ line, title, collective, children }: SheetHeaderProps) {
  const { t } = useI18n()
  return (
    <header class="print-head" style={{ borderInlineStartColor: line.colour }}>
      <PageTitle name="print.sheet.label">{title}</PageTitle>
      <p class="print-head__collective" data-testid="print-collective">{collective ?? t('print.unnamed')}</p>
      {children}
    </header>
  )
}

/** `contact` undefined: the sheet already shows it above (the emergency card). */
export function SheetFooter({ contact, today, children }: { contact: Contact | null | undefined; today: LocalDate; children?: ComponentChildren }) {
  const { t, language } = useI18n()
  return (
    <footer class="print-foot">
      {contact !== undefined && <p class="print-foot__contact" data-testid="print-contact">{contactText(t, language, contact)}</p>}
      {children}
      <p class="print-foot__date">{t('print.printedOn', { day: formatFullDay(today, language) })}</p>
    </footer>
  )
}
