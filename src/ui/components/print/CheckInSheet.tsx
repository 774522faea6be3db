// The blank check-in sheet of a walk: stops in walking order, the children expected at each with "Présent / Absent / Excusé" boxes and their instructions, lines for added children, who is on duty, notes and signature.
import { missingSlots, type Contact, type OnDuty, type StopGroup } from '../../../app/queries/print/print-model.ts'
import type { LocalDate } from '../../../domain/dates.ts'
import type { Family } from '../../../domain/family.ts'
import type { Line } from '../../../domain/line.ts'
import type { WalkRota } from '../../../domain/rota-types.ts'
import { useI18n } from '../../i18n/context.tsx'
import type { Language, Translate } from '../../i18n/translate.ts'
import { directionText, shownPhone } from '../rota/rota-format.ts'
import { formatFullDay, holderName, placeText } from './print-format.ts'
import { SheetFooter, SheetHeader } from './SheetParts.tsx'

/** Blank lines for children who join on the pavement without being on the list. */
export const ADDED_LINES = 3

export interface WalkSheetProps {
  readonly line: Line
  readonly walk: WalkRota
  readonly groups: readonly StopGroup[]
  readonly onDuty: readonly OnDuty[]
  readonly families: readonly Family[]
  readonly collective: string | null
  readonly contact: Contact | null
  readonly today: LocalDate
}

/** "jeudi 11 mars 2027, aller". */
export const walkTitle = (t: Translate, language: Language, walk: Pick<WalkRota, 'date' | 'direction'>): string =>
  t('print.sheet.walk', { day: formatFullDay(walk.date, language), direction: directionText(t, walk.direction) })

/** "Conducteur : Léa (Famille Martin)", then the free places as "Serre-file : à pourvoir". */
export function DutyList({ walk, onDuty, families, phones = false }: { walk: WalkRota; onDuty: readonly OnDuty[]; families: readonly Family[]; phones?: boolean }) {
  const { t } = useI18n()
  const familyById = new Map<string, Family>(families.map((family) => [family.id, family]))
  return (
    <ul class="print-duty" data-testid="print-duty">
      {onDuty.map(({ slot, adult }, index) => (
        <li key={index}>
          {placeText(t, slot, holderName(adult, familyById), walk)}
          {phones && adult && shownPhone(adult.phone) !== null
            ? <>, <span class="print-phone" dir="ltr">{shownPhone(adult.phone)}</span></>
            : null}
        </li>
      ))}
      {missingSlots(walk).map((slot, index) => (
        <li key={`free-${index}`} class="print-places__free">{placeText(t, slot, null, walk)}</li>
      ))}
    </ul>
  )
}

export function CheckInSheet({ line, walk, groups, onDuty, families, collective, contact, today }: WalkSheetProps) {
  const { t, language } = useI18n()
  const boxes = (
    <>
      <td class="print-check"><span class="print-box" /></td>
      <td class="print-check"><span class="print-box" /></td>
      <td class="print-check"><span class="print-box" /></td>
    </>
  )
  return (
    <>
      <SheetHeader line={line} title={t('print.sheet.title', { line: line.name })} collective={collective}>
        <p class="print-head__walk">{walkTitle(t, language, walk)}</p>
      </SheetHeader>
      <section class="print-section print-duty-section" aria-label={t('print.sheet.onDuty')}>
        <strong>{t('print.sheet.onDuty')}</strong>
        <DutyList walk={walk} onDuty={onDuty} families={families} />
      </section>
      <table class="print-table print-table--sheet" data-testid="print-checkin">
        <thead>
          <tr>
            <th scope="col">{t('print.sheet.stop')}</th>
            <th scope="col">{t('print.sheet.child')}</th>
            <th scope="col" class="print-check">{t('print.sheet.present')}</th>
            <th scope="col" class="print-check">{t('print.sheet.absent')}</th>
            <th scope="col" class="print-check">{t('print.sheet.excused')}</th>
            <th scope="col">{t('print.sheet.support')}</th>
          </tr>
        </thead>
        {groups.map((group, index) => {
          const stopCell = (
            <th scope="rowgroup" rowSpan={Math.max(1, group.children.length)} class="print-stop">
              {group.stop ? `${index + 1}. ${group.stop.name}` : t('print.stopUnknown')}
              {group.stop?.times[walk.direction] ? <> <span class="print-time">{group.stop.times[walk.direction]}</span></> : null}
              <br />
              <span class="print-blank">{t('print.sheet.departure')}</span>
            </th>
          )
          return (
            <tbody key={group.stop?.id ?? 'unknown'} class="print-group">
              {group.children.length === 0 ? (
                <tr>{stopCell}<td colSpan={5} class="print-none">{t('print.sheet.noChild')}</td></tr>
              ) : group.children.map((entry, row) => (
                <tr key={entry.child.id} data-testid="print-child">
                  {row === 0 ? stopCell : null}
                  <td class="print-name"><bdi>{entry.label}</bdi></td>
                  {boxes}
                  <td>{[entry.absent ? t('print.sheet.declaredAbsent') : '', entry.child.support].filter(Boolean).join(' ')}</td>
                </tr>
              ))}
            </tbody>
          )
        })}
        <tbody class="print-group">
          {Array.from({ length: ADDED_LINES }, (_, index) => (
            <tr key={index}>
              <td />
              <td class="print-added">{t('print.sheet.added')}</td>
              {boxes}
              <td />
            </tr>
          ))}
        </tbody>
      </table>
      <p class="print-blank print-arrival">{t(walk.direction === 'aller' ? 'print.sheet.arrivalAller' : 'print.sheet.arrivalRetour')}</p>
      <div class="print-boxes print-section">
        <div class="print-box-area print-box-area--notes"><strong>{t('print.sheet.notes')}</strong></div>
        <div class="print-box-area"><strong>{t('print.sheet.signature')}</strong></div>
      </div>
      <SheetFooter contact={contact} today={today} />
    </>
  )
}
