// The update prompt never reloads into a new version while writes are pending; it waits, then reloads once.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createStore } from '../../../src/lib/store.ts'
import { createPwaUpdater, type RegisterSwOptions } from '../../../src/pwa/update-prompt.ts'

const setup = (pending: boolean) => {
  const hasPendingWrites = createStore(pending)
  const updateSW = vi.fn((_reload?: boolean) => Promise.resolve())
  let options: RegisterSwOptions = {}
  const updater = createPwaUpdater({
    registerSW: (given) => {
      options = given
      return updateSW
    },
    hasPendingWrites,
    checkEveryMs: 0,
  })
  return { updater, hasPendingWrites, updateSW, needRefresh: () => options.onNeedRefresh?.() }
}

describe('service worker update prompt', () => {
  let destroy: (() => void) | undefined
  afterEach(() => destroy?.())

  it('shows nothing until a new version is waiting', () => {
    const { updater, needRefresh } = setup(false)
    destroy = updater.destroy
    expect(updater.state.get()).toBe('none')
    needRefresh()
    expect(updater.state.get()).toBe('available')
  })

  it('reloads at once when nothing is pending', () => {
    const { updater, needRefresh, updateSW } = setup(false)
    destroy = updater.destroy
    needRefresh()
    updater.reload()
    expect(updateSW).toHaveBeenCalledTimes(1)
    expect(updateSW).toHaveBeenCalledWith(true)
    expect(updater.state.get()).toBe('reloading')
  })

  it('waits while writes are pending, then reloads exactly once', () => {
    const { updater, needRefresh, updateSW, hasPendingWrites } = setup(true)
    destroy = updater.destroy
    needRefresh()
    updater.reload()
    updater.reload()
    expect(updater.state.get()).toBe('waitingForWrites')
    expect(updateSW).not.toHaveBeenCalled()
    hasPendingWrites.set(false)
    expect(updateSW).toHaveBeenCalledTimes(1)
    hasPendingWrites.set(true)
    hasPendingWrites.set(false)
    expect(updateSW).toHaveBeenCalledTimes(1)
  })

  it('does not reload after destroy, and destroy is safe twice', () => {
    const { updater, needRefresh, updateSW, hasPendingWrites } = setup(true)
    needRefresh()
    updater.reload()
    updater.destroy()
    updater.destroy()
    hasPendingWrites.set(false)
    expect(updateSW).not.toHaveBeenCalled()
  })
})
