// Toasts follow what they confirm: the text is replaced when the synced state changes it, dropped when nothing true is left.
import { describe, expect, it } from 'vitest'
import { createStore } from '../../../src/lib/store.ts'
import { followToast } from '../../../src/ui/hooks/toast-follow.ts'

describe('followToast', () => {
  it('keeps a toast that still holds, replaces it by the truth, and drops it when nothing true is left', () => {
    const state = createStore<'held' | 'waiting' | 'off'>('held')
    const text = () => (state.get() === 'held' ? 'C’est noté : Léa est conducteur' : state.get() === 'waiting' ? 'Finalement, Léa est en liste d’attente' : null)
    const shown: Array<string | null> = []
    followToast('C’est noté : Léa est conducteur', { source: state, text }, (next) => shown.push(next))
    state.set('held')
    expect(shown).toEqual([])
    state.set('waiting')
    expect(shown).toEqual(['Finalement, Léa est en liste d’attente'])
    state.set('off')
    state.set('held')
    // After a drop the toast is gone for good: a later change does not bring back a stale confirmation.
    expect(shown).toEqual(['Finalement, Léa est en liste d’attente', null])
  })

  it('stops following once stopped (the toast expired or was dismissed)', () => {
    const state = createStore(0)
    const shown: Array<string | null> = []
    const stop = followToast('0', { source: state, text: () => String(state.get()) }, (next) => shown.push(next))
    state.set(1)
    stop()
    state.set(2)
    expect(shown).toEqual(['1'])
  })
})
