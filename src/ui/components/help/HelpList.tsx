// The open coups de main of the collective, each with when, what, who asks, places left and "Je peux"; and mine.
import type { CollectiveView, HelpCommands, SessionState } from '../../../app/api.ts'
import { helpRequestPage, myHelpRequests } from '../../../app/queries/help.ts'
import type { HelpRequest } from '../../../domain/help/records.ts'
import type { FamilyId } from '../../../domain/ids.ts'
import { useStore } from '../../hooks/useStore.ts'
import { useI18n } from '../../i18n/context.tsx'
import { HelpAnswer } from './HelpAnswer.tsx'
import { openHelp } from '../../../app/queries/help-screens.ts'
import { helpPlacesText, helpStateText, helpTitleText, helpWhatText, helpWhenText } from './help-text.ts'

interface HelpListProps {
  readonly session: SessionState & HelpCommands
  readonly familyId: FamilyId
  /** '/c/<id>': where the request pages live. */
  readonly base: string
  readonly now: number
}

/** A family's name, or "une famille qui a quitté le collectif". */
export const helpFamilyName = (view: Pick<CollectiveView, 'families'>, id: FamilyId, unknown: string): string =>
  view.families.find((family) => family.id === id)?.displayName ?? unknown

function HelpSummary({ view, request, base }: { view: CollectiveView; request: HelpRequest; base: string }) {
  const { t, language } = useI18n()
  const title = helpTitleText(t, language, view, request)
  return (
    <>
      <a class="list__link" href={`${base}/coups-de-main/${request.id}`} data-testid="help-link">{title}</a>
      <span data-testid="help-when">{helpWhenText(t, language, request)}</span>
    </>
  )
}

export function HelpList({ session, familyId, base, now }: HelpListProps) {
  const { t, language } = useI18n()
  const view = useStore(session.view)
  const open = openHelp(view, now)
  if (open.length === 0) return <p class="muted">{t('help.open.none')}</p>
  return (
    <ul class="list">
      {open.map((request) => {
        const page = helpRequestPage(view, request.id, familyId, now)
        if (page === null) return null
        return (
          <li key={request.id} class="list__item list__item--stacked" data-testid="help-item">
            <HelpSummary view={view} request={request} base={base} />
            <span>{t('help.by', { family: helpFamilyName(view, request.familyId, t('help.unknownFamily')) })}</span>
            <span data-testid="help-places">{helpPlacesText(t, language, page.placesLeft, request.needed)}</span>
            <HelpAnswer session={session} page={page} familyId={familyId} what={helpWhatText(t, language, view, request)} />
          </li>
        )
      })}
    </ul>
  )
}

export function MyHelpList({ session, familyId, base, now }: HelpListProps) {
  const { t } = useI18n()
  const view = useStore(session.view)
  const mine = myHelpRequests(view, familyId, now)
  if (mine.length === 0) return <p class="muted">{t('help.mine.none')}</p>
  return (
    <ul class="list">
      {mine.map(({ request, state }) => (
        <li key={request.id} class="list__item list__item--stacked" data-testid="help-mine">
          <HelpSummary view={view} request={request} base={base} />
          <span data-testid="help-state">{t('help.state.label', { state: helpStateText(t, state) })}</span>
        </li>
      ))}
    </ul>
  )
}
