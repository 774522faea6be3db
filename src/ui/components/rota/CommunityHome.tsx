// "Entre familles" on the week and on "Plus": open coups de main of the coming days and the next meeting, with links.
import { useMemo } from 'preact/hooks'
import type { SessionIdentity, SessionState } from '../../../app/api.ts'
import { communityHomeOf, type HomeHelp } from '../../../app/queries/community.ts'
import { useStore } from '../../hooks/useStore.ts'
import { useI18n } from '../../i18n/context.tsx'
import { pluralKey } from '../../i18n/translate.ts'
import { helpNoticeWhatText } from './help-text.ts'
import { formatDay, todayIn } from './rota-format.ts'
import { useNow } from './useRotaNow.ts'

export function CommunityHome({ session }: { session: SessionState & SessionIdentity }) {
  const { t, language } = useI18n()
  const view = useStore(session.view)
  const me = useStore(session.me)
  const now = useNow()
  const today = todayIn(now)
  const home = useMemo(() => communityHomeOf(view, me.familyId, today, now), [view, me.familyId, today, now])
  const base = `/c/${session.id}`
  const names = useMemo(() => new Map(view.families.map((family) => [family.id, family.displayName])), [view.families])
  const placesText = (item: HomeHelp) => item.mine
    ? t('home.help.mine')
    : item.placesLeft > 0
      ? t(pluralKey(language, item.placesLeft, 'home.help.placesOne', 'home.help.places'), { count: item.placesLeft })
      : t('home.help.full')
  const meeting = home.nextMeeting?.meeting
  return (
    <section class="card community-home" aria-labelledby="community-home-title" data-testid="community-home">
      <h2 id="community-home-title">{t('home.community.title')}</h2>
      {home.help.length === 0 && <p class="muted">{t('home.help.none')}</p>}
      {home.help.length > 0 && (
        <ul class="list" data-testid="home-help">
          {home.help.map((item) => (
            <li key={item.request.id} class="list__item">
              <a class="list__link" href={`${base}/coups-de-main/${item.request.id}`}>
                {t(item.request.type === 'offer' ? 'home.help.offer' : 'home.help.request', {
                  family: names.get(item.request.familyId) ?? t('notice.help.someone'),
                  what: helpNoticeWhatText(t, language, item.request, view),
                })}
              </a>
              <span class="muted"> · {placesText(item)}</span>
            </li>
          ))}
        </ul>
      )}
      <ul class="list">
        <li class="list__item">
          <a class="list__link" href={`${base}/coups-de-main`}>
            {home.moreHelp > 0 ? t('home.help.more', { count: home.moreHelp }) : t('home.help.all')}
          </a>
        </li>
        <li class="list__item" data-testid="home-meeting">
          {meeting === undefined
            ? <a class="list__link" href={`${base}/rencontres`}>{t('home.meeting.none')}</a>
            : (
              <a class="list__link" href={`${base}/rencontres/${meeting.id}`}>
                {t(meeting.time === undefined ? 'home.meeting.nextDay' : 'home.meeting.next', {
                  kind: t(`agenda.ics.meeting.${meeting.kind ?? 'lineMeeting'}`), day: formatDay(meeting.date, language),
                  time: meeting.time ?? '',
                })}
              </a>
            )}
        </li>
      </ul>
    </section>
  )
}
