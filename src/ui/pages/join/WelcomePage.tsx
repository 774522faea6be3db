// The guided join (/c/:id/bienvenue/:step): the collective's welcome, then my family, my children and their stops, my
// availability; each step skippable, the progress kept on this phone so the landing resumes it (queries/welcome.ts).
import { useLocation } from 'preact-iso'
import type { ComponentChildren } from 'preact'
import type { CollectiveSession, WelcomeStep } from '../../../app/api.ts'
import { nextWelcomeStep, WELCOME_STEPS } from '../../../app/queries/welcome.ts'
import type { AdultId, FamilyId } from '../../../domain/ids.ts'
import { ChildrenSection } from '../../components/manage/ChildrenSection.tsx'
import { PageTitle } from '../../components/PageTitle.tsx'
import { Availability } from '../planning/AvailabilityPage.tsx'
import { useAnnounce } from '../../hooks/announcer.tsx'
import { useStore } from '../../hooks/useStore.ts'
import { useI18n } from '../../i18n/context.tsx'
import { NotFoundPage } from '../NotFoundPage.tsx'
import { SessionGate, type ScreenProps } from '../manage/SessionGate.tsx'
import { CollectiveWelcome } from './CollectiveWelcome.tsx'
import { AddFamilyForm, PickFamilyForm } from './FamilyStep.tsx'
import { WelcomeProgress } from './WelcomeProgress.tsx'

export function WelcomePage() {
  return <SessionGate screen={WelcomeScreen} />
}

const stepIn = (text: string | undefined): WelcomeStep | null => WELCOME_STEPS.find((step) => step === text) ?? null

function WelcomeScreen({ session, view, params }: ScreenProps) {
  const step = stepIn(params.step)
  if (step === null) return <NotFoundPage />
  if (step === 'famille') return <FamilyScreen session={session} view={view} params={params} />
  return <LaterScreen session={session} step={step} />
}

/** Where the guide goes after `step`: the next step, or the week once it is over. */
const pathAfter = (session: CollectiveSession, step: WelcomeStep): string => {
  const next = nextWelcomeStep(step, session.me.get())
  return `/c/${session.id}/${next === 'done' ? 'semaine' : `bienvenue/${next}`}`
}

/** Marks `step` finished or skipped on this phone, then opens what comes after it. */
const useMoveOn = (session: CollectiveSession, step: WelcomeStep): (() => Promise<void>) => {
  const { route } = useLocation()
  return async () => {
    const path = pathAfter(session, step)
    await session.setWelcome(nextWelcomeStep(step, session.me.get()))
    route(path)
  }
}

/** A link to what comes after the step; the step's end is recorded on this phone before the next screen opens. */
function StepLink({ session, step, primary = false, children }: {
  session: CollectiveSession; step: WelcomeStep; primary?: boolean; children: ComponentChildren
}) {
  useStore(session.me) // the target follows the identity (no family: the guide ends)
  const moveOn = useMoveOn(session, step)
  return (
    <a href={pathAfter(session, step)} class={primary ? 'button button--primary' : 'button'} onClick={(event) => {
      // The router routes every same-origin link click from the window, prevented or not: it would open the next
      // screen before the step's end is stored, and a reload then (on a busy phone) asked the same step again.
      event.preventDefault()
      event.stopPropagation()
      void moveOn()
    }}>{children}</a>
  )
}

function FamilyScreen({ session, view }: ScreenProps) {
  const { t } = useI18n()
  const announce = useAnnounce()
  const moveOn = useMoveOn(session, 'famille')
  const chosen = async (familyId: FamilyId, adultId: AdultId) => {
    await session.setMe(familyId, adultId)
    const family = session.view.get().families.find((f) => f.id === familyId)
    const adult = session.view.get().adults.find((a) => a.id === adultId)
    announce(t('welcome.familySet', { name: adult?.firstName ?? '', family: family?.displayName ?? '' }))
    await moveOn()
  }
  const name = view.profile?.name
  return (
    <>
      <PageTitle name="welcome.titleLoading">{name ? t('welcome.collectiveTitle', { name }) : t('welcome.titleLoading')}</PageTitle>
      <CollectiveWelcome session={session} />
      <WelcomeProgress current="famille" />
      <h2>{t('welcome.familyTitle')}</h2>
      <p>{t('welcome.familyIntro')}</p>
      {view.families.length > 0 && <PickFamilyForm session={session} view={view} onChosen={(f, a) => void chosen(f, a)} />}
      <AddFamilyForm session={session} onChosen={(f, a) => void chosen(f, a)} />
      <div class="actions">
        <StepLink session={session} step="famille">{t('welcome.skip')}</StepLink>
      </div>
      <FirstStepsLink id={session.id} />
    </>
  )
}

function LaterScreen({ session, step }: { session: CollectiveSession; step: 'enfants' | 'disponibilites' }) {
  const { t } = useI18n()
  const me = useStore(session.me)
  const view = useStore(session.view)
  const children = step === 'enfants'
  return (
    <>
      <PageTitle name={children ? 'welcome.childrenTitle' : 'welcome.availabilityTitle'} />
      <WelcomeProgress current={step} />
      <p>{children ? t('welcome.childrenIntro') : t('welcome.availabilityIntro')}</p>
      {me.familyId === null ? (
        <p class="notice">
          {t('welcome.noFamily')} <a href={`/c/${session.id}/bienvenue/famille`}>{t('welcome.backToFamily')}</a>
        </p>
      ) : children ? (
        <ChildrenSection session={session} view={view} familyId={me.familyId} />
      ) : (
        <Availability session={session} embedded />
      )}
      <div class="actions">
        {children ? (
          <>
            <StepLink session={session} step={step} primary>{t('welcome.next')}</StepLink>
            <StepLink session={session} step={step}>{t('welcome.skip')}</StepLink>
          </>
        ) : (
          <>
            <StepLink session={session} step={step} primary>{t('welcome.finish')}</StepLink>
            <StepLink session={session} step={step}>{t('welcome.later')}</StepLink>
          </>
        )}
      </div>
      <FirstStepsLink id={session.id} />
    </>
  )
}

/** "Premiers pas" (install, offline, swaps, data): open at any step; the guide resumes where it was. */
function FirstStepsLink({ id }: { id: string }) {
  const { t } = useI18n()
  return <p><a class="button" href={`/c/${id}/premiers-pas`} data-testid="welcome-first-steps">{t('firstSteps.welcomeLink')}</a></p>
}
