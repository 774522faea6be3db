// The coups de main in the notice area and in "Entre familles", rendered: who answered, the places, the next meeting.
import { renderToString } from 'preact-render-to-string'
import { describe, expect, it } from 'vitest'
import type { CollectiveView, SessionIdentity, SessionState } from '../../../src/app/api.ts'
import { StoredHelpAnswerSchema, StoredHelpRequestSchema } from '../../../src/domain/help/records.ts'
import { StoredMeetingSchema } from '../../../src/domain/meeting.ts'
import { CommunityHome } from '../../../src/ui/components/rota/CommunityHome.tsx'
import { HelpNewsList } from '../../../src/ui/components/rota/HelpNewsList.tsx'
import { I18nContext } from '../../../src/ui/i18n/context.tsx'
import { createTranslate } from '../../helpers/translate.ts'
import { makeSession } from '../../helpers/make-session.ts'
import { makeView } from '../../helpers/make-view.ts'
import { createFamily } from '../domain/planning-fixtures.ts'
import { actorId, familyId } from '../domain/rota-fixtures.ts'

// Monday 15 March 2027, 09:00 in Paris (the component's clock is the real one: the request is dated far ahead).
const NOW = Date.parse('2027-03-15T08:00:00Z')
const request = StoredHelpRequestSchema.parse({
  id: '00000000-0000-4000-8000-000000000001', familyId: familyId(1), type: 'request', kind: 'wednesday', date: '2099-03-17',
  from: '14:00', to: '17:00', needed: 1, note: '', status: 'open', confirmed: [], clock: 1, actor: actorId(1),
})
const answer = StoredHelpAnswerSchema.parse({ requestId: request.id, familyId: familyId(2), status: 'active', clock: 2, actor: actorId(2) })
const meeting = StoredMeetingSchema.parse({
  id: '00000000-0000-4000-8000-000000000002', kind: 'assembly', date: '2099-03-20', time: '10:00', place: 'École', agenda: '',
})
const view: CollectiveView = {
  ...makeView({ families: [{ ...createFamily(1), displayName: 'Martin' }, { ...createFamily(2), displayName: 'Nguyen' }] }),
  help: { requests: [request], answers: [answer], kinds: [] },
  meetings: { meetings: [meeting], replies: [] },
}
const render = (node: preact.VNode) => renderToString(
  <I18nContext.Provider value={{ language: 'fr', t: createTranslate('fr') }}>{node}</I18nContext.Provider>,
).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim()

describe('coups de main on the collective’s screens', () => {
  it('tell the requester, on any screen, which family can help, with a link to the request', () => {
    const session = makeSession<SessionState>({ view })
    const html = renderToString(
      <I18nContext.Provider value={{ language: 'fr', t: createTranslate('fr') }}>
        <HelpNewsList session={session} base="/c/room" familyId={familyId(1)} now={NOW} shown={() => true} onDismiss={() => undefined} />
      </I18nContext.Provider>,
    )
    expect(html).toContain('aria-live="polite"')
    expect(html).toContain(`href="/c/room/coups-de-main/${request.id}"`)
    expect(render(<HelpNewsList session={session} base="/c/room" familyId={familyId(1)} now={NOW} shown={() => true} onDismiss={() => undefined} />))
      .toContain('Nguyen peut vous aider : Garde le mercredi, mardi 17 mars de 14 h à 17 h.')
    // Dismissed on this phone: gone.
    expect(render(<HelpNewsList session={session} base="/c/room" familyId={familyId(1)} now={NOW} shown={() => false} onDismiss={() => undefined} />))
      .not.toContain('peut vous aider')
  })

  it('list, between families, what is asked and the next meeting', () => {
    const session = makeSession<SessionState & SessionIdentity>({ view, me: { familyId: familyId(2) } })
    const text = render(<CommunityHome session={session} />)
    expect(text).toContain('Entre familles')
    expect(text).toContain('Prochaine rencontre : assemblée du collectif')
  })
})
