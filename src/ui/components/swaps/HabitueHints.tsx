// On an urgent walk: each expected child with support instructions and who already walked with them, asked first.
import { useMemo } from 'preact/hooks'
import type { CollectiveView } from '../../../app/api.ts'
import { childLabel } from '../../../app/queries/collective.ts'
import { habitueHints } from '../../../app/queries/habitues.ts'
import type { EffectiveWalk } from '../../../domain/swaps/index.ts'
import { useI18n } from '../../i18n/context.tsx'
import { listFormat } from '../../i18n/formats.ts'

interface HabitueHintsProps {
  readonly view: CollectiveView
  readonly walk: EffectiveWalk
  readonly now: number
}

export function HabitueHints({ view, walk, now }: HabitueHintsProps) {
  const { t, language } = useI18n()
  const hints = useMemo(() => habitueHints(view, walk, now), [view, walk, now])
  if (hints.length === 0) return null
  const children = new Map(view.children.map((child) => [child.id, child]))
  const adults = new Map(view.adults.map((adult) => [adult.id, adult.firstName]))
  return (
    <>
      {hints.map((hint) => {
        const child = children.get(hint.childId)
        const name = child === undefined ? '' : childLabel(child)
        const known = hint.adults.flatMap((id) => adults.get(id) ?? [])
        return (
          <p key={hint.childId} class="urgent-item__habitues" data-testid="urgent-habitues">
            {known.length > 0
              ? t('swap.urgent.habitues', { child: name, names: listFormat(language, { type: 'disjunction' }).format(known) })
              : t('swap.urgent.noHabitue', { child: name })}
          </p>
        )
      })}
    </>
  )
}
