// The walk's emergency card: every child on the walk with what to do for them and their parents' phones, the adults on duty, the collective's name.
import { useMemo } from 'preact/hooks'
import type { SessionState } from '../../../app/api.ts'
import type { Child } from '../../../domain/people.ts'
import type { WalkRef } from '../../../domain/signup.ts'
import { heldPlaces } from '../../../app/queries/rota.ts'
import { checkInsOf, onTheWalk, walkRotaOf } from '../../../app/queries/walk.ts'
import { useStore } from '../../hooks/useStore.ts'
import { useI18n } from '../../i18n/context.tsx'
import { PageTitle } from '../PageTitle.tsx'
import { directionTitle, formatDayTitle, slotText, telHref } from '../rota/rota-format.ts'
import { useNow } from '../rota/useRotaNow.ts'
import { lineName, parentsOf } from './ChildRow.tsx'
import { printEmergencyPath, walkPath } from './walk-paths.ts'
import { shownStatusText } from './walk-text.ts'
import './walk.css'

export function EmergencyCard({ session, base, walk }: { session: SessionState; base: string; walk: WalkRef }) {
  const { t, language } = useI18n()
  const view = useStore(session.view)
  const now = useNow()
  const rota = useMemo(() => walkRotaOf(view, walk, now), [view, walk.lineId, walk.date, walk.direction, now])
  const list = useMemo(() => (rota === null ? [] : onTheWalk(checkInsOf(view, rota))), [view, rota])
  const children = new Map<string, Child>(view.children.map((child) => [child.id, child]))
  const line = view.lines.find((candidate) => candidate.id === walk.lineId)
  const stopName = (id: string | null) => view.stops.find((stop) => stop.id === id)?.name

  return (
    <div class="walk-mode emergency" data-testid="emergency-card">
      <PageTitle name="walk.emergency.title" />
      <p class="emergency__collective" data-testid="emergency-collective">{view.profile?.name ?? ''}</p>
      <p class="walk-header__date">
        <span class="walk-swatch" style={{ background: line?.colour ?? '#000000' }} aria-hidden="true" />
        {line?.name ?? '?'} · {directionTitle(t, walk.direction)} · {formatDayTitle(walk.date, language)}
      </p>
      <p class="walk-links">
        <a class="button" href={walkPath(base, walk)}>{t('walk.emergency.back')}</a>
        <a class="button" href={printEmergencyPath(base, walk)}>{t('walk.emergency.print')}</a>
      </p>

      <h2>{t('walk.emergency.children')}</h2>
      {list.length === 0 ? <p>{t('walk.emergency.noChildren')}</p> : (
        <ul class="emergency__list">
          {list.map((entry) => {
            const child = entry.subject.kind === 'child' ? children.get(entry.subject.childId) : undefined
            const parents = parentsOf(view, child)
            const stop = stopName(entry.stopId)
            return (
              <li key={entry.id} class="emergency__child" data-testid="emergency-child">
                <h3>{lineName(entry, children, t('walk.guest'), t('walk.guestErased'))}</h3>
                <p class="emergency__status">{shownStatusText(t, entry.status, entry.prefilled)}{stop ? ` · ${stop}` : ''}</p>
                {child?.support && <p class="kid__support">{t('walk.emergency.support', { text: child.support })}</p>}
                {entry.subject.kind === 'child' && (parents.length === 0 ? <p>{t('walk.emergency.noParent')}</p> : (
                  <ul class="emergency__phones" aria-label={t('walk.emergency.parents')}>
                    {parents.map((parent) => (
                      <li key={parent.id}>
                        <CallOrName phone={parent.phone} name={parent.firstName} />
                      </li>
                    ))}
                  </ul>
                ))}
              </li>
            )
          })}
        </ul>
      )}

      <h2>{t('walk.emergency.adults')}</h2>
      {rota === null || heldPlaces(rota).length === 0 ? <p>{t('walk.emergency.noAdults')}</p> : (
        <ul class="emergency__phones">
          {heldPlaces(rota).map(({ slot, signUp }) => {
            const adult = view.adults.find((candidate) => candidate.id === signUp.adultId)
            if (!adult) return null
            return (
              <li key={signUp.adultId} data-testid="emergency-adult">
                <CallOrName phone={adult.phone} name={`${adult.firstName} · ${slotText(t, slot).toLowerCase()}`} />
              </li>
            )
          })}
        </ul>
      )}
    </div>
  )
}

/** A big tap-to-call link with the number; an adult who gave no number is named with "Pas de numéro" instead. */
function CallOrName({ phone, name }: { phone: string; name: string }) {
  const { t } = useI18n()
  const href = telHref(phone)
  if (href === null) {
    return (
      <p class="call-none">
        <span>{name}</span>
        <span class="muted">{t('form.noPhone')}</span>
      </p>
    )
  }
  return (
    <a class="call-link call-link--full" href={href}>
      <span><span aria-hidden="true">☎ </span>{name}</span>
      <span class="call-link__number" dir="ltr">{phone}</span>
    </a>
  )
}
