// The printed emergency card of a walk: emergency numbers, the adults on duty and the coordinator with phones, every expected child with instructions and parents' phones.
import { parentsOf } from '../../../app/queries/print/print-model.ts'
import type { Adult } from '../../../domain/people.ts'
import { useI18n } from '../../i18n/context.tsx'
import { shownPhone } from '../rota/rota-format.ts'
import { DutyList, walkTitle, type WalkSheetProps } from './CheckInSheet.tsx'
import { contactText } from './print-format.ts'
import { SheetFooter, SheetHeader } from './SheetParts.tsx'

export function EmergencySheet({ line, walk, groups, onDuty, families, collective, contact, today, adults }: WalkSheetProps & { adults: readonly Adult[] }) {
  const { t, language } = useI18n()
  const expected = groups.flatMap((group) => group.children.filter((entry) => !entry.absent).map((entry) => ({ ...entry, stop: group.stop })))
  return (
    <>
      <SheetHeader line={line} title={t('print.urgence.title', { line: line.name })} collective={collective}>
        <p class="print-head__walk">{walkTitle(t, language, walk)}</p>
      </SheetHeader>
      <section class="print-numbers print-section" aria-labelledby="urgence-numbers" data-testid="print-numbers">
        <h2 id="urgence-numbers">{t('print.urgence.numbers')}</h2>
        <ul>
          <li>{t('print.urgence.n112')}</li>
          <li>{t('print.urgence.n15')}</li>
          <li>{t('print.urgence.n17')}</li>
          <li>{t('print.urgence.n18')}</li>
        </ul>
      </section>
      <section class="print-section" aria-labelledby="urgence-duty">
        <h2 id="urgence-duty">{t('print.urgence.onDuty')}</h2>
        {onDuty.length === 0 && <p>{t('print.urgence.noAdult')}</p>}
        <DutyList walk={walk} onDuty={onDuty} families={families} phones />
        <p class="print-strong" data-testid="print-contact">{contactText(t, language, contact)}</p>
      </section>
      <section class="print-section" aria-labelledby="urgence-children">
        <h2 id="urgence-children">{t('print.urgence.children', { n: expected.length })}</h2>
        {expected.length === 0 ? (
          <p>{t('print.urgence.noChildren')}</p>
        ) : (
          <table class="print-table" data-testid="print-emergency">
            <thead>
              <tr>
                <th scope="col">{t('print.sheet.child')}</th>
                <th scope="col">{t('print.poster.stop')}</th>
                <th scope="col">{t('print.sheet.support')}</th>
                <th scope="col">{t('print.urgence.parents')}</th>
              </tr>
            </thead>
            <tbody>
              {expected.map((entry) => (
                <tr key={entry.child.id} data-testid="print-child">
                  <th scope="row" class="print-name"><bdi>{entry.label}</bdi></th>
                  <td>{entry.stop?.name ?? t('print.stopUnknown')}</td>
                  <td>{entry.child.support}</td>
                  <td>
                    {parentsOf({ adults }, entry.child).map((parent) => (
                      <span key={parent.id} class="print-parent">
                        {parent.firstName}{' '}
                        {shownPhone(parent.phone) === null
                          ? <span class="print-phone">{t('form.noPhone')}</span>
                          : <span class="print-phone" dir="ltr">{shownPhone(parent.phone)}</span>}
                      </span>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <SheetFooter contact={undefined} today={today} />
    </>
  )
}
