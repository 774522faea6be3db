// "Rejoindre": joins from the invite link's #fragment (then strips it from the address bar) or from a pasted link.
import { useLocation } from 'preact-iso'
import { useEffect, useRef, useState } from 'preact/hooks'
import type { JoinError } from '../../app/api.ts'
import { PageTitle } from '../components/PageTitle.tsx'
import { TextField } from '../components/TextField.tsx'
import { useServices } from '../hooks/services.ts'
import { useI18n } from '../i18n/context.tsx'
import { inviteFragmentOf } from './invite-link.ts'

type JoinState = { readonly kind: 'idle' } | { readonly kind: 'joining' } | { readonly kind: 'failed'; readonly error: JoinError }

/** Removes the invite key (or an earlier version's secret) from the address bar and from this history entry. */
const stripFragment = (): void => {
  if (location.hash) history.replaceState(history.state, '', location.pathname + location.search)
}

export function JoinPage() {
  const { t } = useI18n()
  const services = useServices()
  const { route } = useLocation()
  const [state, setState] = useState<JoinState>(() => (location.hash.length > 1 ? { kind: 'joining' } : { kind: 'idle' }))
  const [pasted, setPasted] = useState('')
  const input = useRef<HTMLInputElement>(null)
  const mounted = useRef(true)

  const join = async (fragment: string) => {
    setState({ kind: 'joining' })
    const result = await services.joinFromInvite(fragment).catch(() => ({ ok: false as const, error: 'storageUnavailable' as const }))
    stripFragment()
    if (!mounted.current) return
    if (result.ok) {
      route(`/c/${result.value}`, true)
    } else {
      setState({ kind: 'failed', error: result.error })
      requestAnimationFrame(() => input.current?.focus())
    }
  }

  useEffect(() => {
    mounted.current = true
    const fragment = location.hash
    stripFragment()
    if (fragment.length > 1) void join(fragment)
    return () => {
      mounted.current = false
    }
  }, [])

  const submit = (event: Event) => {
    event.preventDefault()
    const fragment = inviteFragmentOf(pasted)
    if (fragment) void join(fragment)
    else {
      setState({ kind: 'failed', error: 'invalidLink' })
      input.current?.focus()
    }
  }

  const error = state.kind === 'failed' ? t(`join.${state.error}`) : null
  return (
    <>
      <PageTitle name="join.title" />
      {state.kind === 'joining' ? (
        <p role="status" class="lead">{t('join.joining')}</p>
      ) : (
        <>
          <p>{t('join.explain')}</p>
          <form class="form" onSubmit={submit} noValidate>
            <TextField id="join-link" label={t('join.linkLabel')} value={pasted} onInput={setPasted} error={error} inputMode="url" inputRef={input} />
            <div class="actions">
              <button type="submit" class="button button--primary">{t('join.submit')}</button>
            </div>
          </form>
        </>
      )}
    </>
  )
}
