// "Restaurer une sauvegarde" on the collectives page: a collective export file becomes a new collective, opened at once; French errors, nothing half-made.
import { useState } from 'preact/hooks'
import { useLocation } from 'preact-iso'
import { useAnnounce } from '../../hooks/announcer.tsx'
import { useServices } from '../../hooks/services.ts'
import { useI18n } from '../../i18n/context.tsx'

/** A collective of several years is a few megabytes; far larger is not a backup of ours. */
const MAX_FILE_BYTES = 50 * 1024 * 1024

type RestoreProblem = 'invalidExport' | 'storageUnavailable' | 'tooLarge' | 'unreadable'

export function RestoreBackup() {
  const { t } = useI18n()
  const services = useServices()
  const announce = useAnnounce()
  const { route } = useLocation()
  const [working, setWorking] = useState(false)
  const [problem, setProblem] = useState<RestoreProblem | null>(null)

  const restore = async (input: HTMLInputElement): Promise<void> => {
    const file = input.files?.[0]
    if (file === undefined) return
    setProblem(null)
    if (file.size > MAX_FILE_BYTES) {
      setProblem('tooLarge')
      input.value = ''
      return
    }
    setWorking(true)
    let text: string
    try {
      text = await file.text()
    } catch {
      setWorking(false)
      setProblem('unreadable')
      return
    }
    const result = await services.restoreCollective(text)
    setWorking(false)
    input.value = ''
    if (!result.ok) {
      setProblem(result.error)
      return
    }
    const name = services.collectives.get().find((collective) => collective.id === result.value)?.name ?? ''
    announce(t('restore.done', { name }))
    route(`/c/${result.value}`)
  }

  return (
    <section class="restore" aria-labelledby="restore-title" data-testid="restore">
      <h2 id="restore-title">{t('restore.title')}</h2>
      <p id="restore-intro">{t('restore.intro')}</p>
      <div class="field">
        <label for="restore-file">{t('restore.file')}</label>
        <input
          id="restore-file"
          type="file"
          accept="application/json,.json"
          disabled={working}
          aria-describedby={problem ? 'restore-intro restore-error' : 'restore-intro'}
          data-testid="restore-file"
          onChange={(event) => void restore(event.currentTarget)}
        />
      </div>
      {working && <p role="status">{t('restore.working')}</p>}
      {problem !== null && (
        <p class="notice" role="alert" id="restore-error" data-testid="restore-error">
          {t(`restore.${problem}`)}
        </p>
      )}
    </section>
  )
}
