// The notices about the collective itself (issue 16): the relay's retention warning with its "keep" button, and the
// end-of-year prompt in the summer.
import { renderToString } from 'preact-render-to-string'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { SessionIdentity, SessionState, YearCommands } from '../../../src/app/api.ts'
import { parseRoomId } from '../../../src/lib/credentials.ts'
import { CollectiveLifeNotices } from '../../../src/ui/components/rota/CollectiveLifeNotices.tsx'
import { makeSession } from '../../helpers/make-session.ts'
import { makeView } from '../../helpers/make-view.ts'

const ROOM = parseRoomId('AAAAAAAAAAAAAAAAAAAAAA') ?? (() => { throw new Error('room id') })()
type Slice = SessionState & SessionIdentity & Pick<YearCommands, 'keepOnRelay'>
const render = (session: Slice, shown: (key: string) => boolean = () => true): string =>
  renderToString(<CollectiveLifeNotices session={session} shown={shown} onDismiss={() => undefined} />)

describe('the retention warning', () => {
  it('says the day in words and offers to keep the collective', () => {
    const html = render(makeSession<Slice>({ status: { relayDeletesOn: '2028-02-09' } }, { keepOnRelay: () => ({ ok: true, value: undefined }) }))
    expect(html).toContain('mercredi 9 février 2028')
    expect(html).toContain('Garder le collectif sur le relais')
  })

  it('is absent when the relay said nothing', () => {
    expect(render(makeSession<Slice>({ status: { relayDeletesOn: null } }))).not.toContain('retention-notice')
  })
})

describe('the end-of-year prompt', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('shows in the summer, linking to the year\'s page; not otherwise, nor once dismissed', () => {
    const session = makeSession<Slice>({ id: ROOM, view: makeView() })
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2027-07-10T10:00:00Z'))
    const html = render(session)
    expect(html).toContain('L’année scolaire 2026-2027 se termine')
    expect(html).toContain('/c/AAAAAAAAAAAAAAAAAAAAAA/parametres#year-title')
    expect(render(session, (key) => key !== 'year-end|2026-2027')).not.toContain('year-end-notice')
    vi.setSystemTime(new Date('2027-12-07T10:00:00Z'))
    expect(render(session)).not.toContain('year-end-notice')
  })
})
