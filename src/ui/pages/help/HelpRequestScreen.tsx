// /c/:id/coups-de-main/:requestId: one request or offer, who answered; the requester's actions or "Je peux" for others.
import { useRoute } from 'preact-iso'
import type { CollectiveView } from '../../../app/api.ts'
import { helpRequestPage, type HelpRequestPage } from '../../../app/queries/help.ts'
import type { HelpRequestId } from '../../../domain/help/records.ts'
import type { FamilyId } from '../../../domain/ids.ts'
import { HelpAnswer } from '../../components/help/HelpAnswer.tsx'
import { HelpAnswers, HelpOwnerActions } from '../../components/help/HelpAnswers.tsx'
import { helpFamilyName } from '../../components/help/HelpList.tsx'
import { helpStateText, helpTitleText, helpWhatText, helpWhenText } from '../../components/help/help-text.ts'
import { PageTitle } from '../../components/PageTitle.tsx'
import { useNow } from '../../components/rota/useRotaNow.ts'
import { WhoAreYou } from '../../components/rota/WhoAreYou.tsx'
import { useStore } from '../../hooks/useStore.ts'
import { useI18n } from '../../i18n/context.tsx'
import { RotaFrame, type RotaScreenProps } from '../rota/RotaFrame.tsx'
import '../../components/help/help.css'

export function HelpRequestScreen() {
  return <RotaFrame render={(props) => <HelpRequestView {...props} />} />
}

function HelpRequestView({ session, base }: RotaScreenProps) {
  const { t } = useI18n()
  const { params } = useRoute()
  const view = useStore(session.view)
  const me = useStore(session.me)
  const page = helpRequestPage(view, (params.requestId ?? '') as HelpRequestId, me.familyId, useNow())
  const back = <p><a class="list__link" href={`${base}/coups-de-main`}>{t('help.request.back')}</a></p>
  if (page === null) {
    return (
      <>
        <PageTitle name="help.notFound.title" />
        <p class="notice" data-testid="help-not-found">{t('help.notFound.text')}</p>
        {back}
      </>
    )
  }
  const owner = me.familyId !== null && me.familyId === page.request.familyId
  return (
    <>
      <HelpDetails view={view} page={page} />
      <WhoAreYou session={session} compact />
      <section class="card" aria-labelledby="help-answers-title">
        <h2 id="help-answers-title">{t('help.answers.title')}</h2>
        <HelpAnswers session={session} page={page} owner={owner} />
      </section>
      {owner && (
        <section class="card" aria-labelledby="help-owner-title">
          <h2 id="help-owner-title">{t('help.owner.title')}</h2>
          <HelpOwnerActions session={session} page={page} />
        </section>
      )}
      {!owner && me.familyId !== null && <OthersAnswer session={session} view={view} page={page} familyId={me.familyId} />}
      {back}
    </>
  )
}

interface OthersAnswerProps {
  readonly session: RotaScreenProps['session']
  readonly view: CollectiveView
  readonly page: HelpRequestPage
  readonly familyId: FamilyId
}

/** Another family's "Je peux", or its place with "Je ne peux plus". */
function OthersAnswer({ session, view, page, familyId }: OthersAnswerProps) {
  const { t, language } = useI18n()
  return (
    <section class="card" aria-label={t('help.answer')}>
      <HelpAnswer session={session} page={page} familyId={familyId} what={helpWhatText(t, language, view, page.request)} />
    </section>
  )
}

function HelpDetails({ view, page }: { view: CollectiveView; page: HelpRequestPage }) {
  const { t, language } = useI18n()
  const { request } = page
  return (
    <>
      <PageTitle name="help.request.title">
        {helpTitleText(t, language, view, request)}
      </PageTitle>
      <ul class="list" data-testid="help-details">
        <li>{t('help.by', { family: helpFamilyName(view, request.familyId, t('help.unknownFamily')) })}</li>
        <li data-testid="help-when">{t('help.request.when', { when: helpWhenText(t, language, request) })}</li>
        <li>{t('help.request.needed', { n: request.needed })}</li>
        <li data-testid="help-state">{t('help.state.label', { state: helpStateText(t, page.state) })}</li>
        {request.note !== '' && <li class="help-note">{t('help.request.note', { note: request.note })}</li>}
      </ul>
    </>
  )
}
