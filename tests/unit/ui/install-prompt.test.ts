// The browser's install prompt kept from the start (src/pwa/install-prompt.ts): offered once it fired, shown once,
// 'installed' when the app runs standalone or says it was installed, no listener left after destroy().
import { describe, expect, it, vi } from 'vitest'
import { createInstallPrompt, isAppleMobile } from '../../../src/pwa/install-prompt.ts'

const fakeWindow = (standalone = false): Window =>
  Object.assign(new EventTarget(), { matchMedia: () => ({ matches: standalone }) }) as unknown as Window

const installEvent = (outcome: string) => {
  const prompt = vi.fn(() => Promise.resolve())
  const event = Object.assign(new Event('beforeinstallprompt', { cancelable: true }), { prompt, userChoice: Promise.resolve({ outcome }) })
  return { event, prompt }
}

describe('install prompt', () => {
  it('keeps the event, shows its prompt once on demand, and reports the answer', async () => {
    const target = fakeWindow()
    const installer = createInstallPrompt(target)
    expect(installer.state.get()).toBe('none')
    expect(await installer.prompt()).toBe('unavailable')
    const { event, prompt } = installEvent('accepted')
    target.dispatchEvent(event)
    expect(event.defaultPrevented).toBe(true) // no mini-infobar: the button asks
    expect(installer.state.get()).toBe('ready')
    expect(await installer.prompt()).toBe('accepted')
    expect(prompt).toHaveBeenCalledTimes(1)
    expect(await installer.prompt()).toBe('unavailable')
    target.dispatchEvent(installEvent('dismissed').event)
    expect(await installer.prompt()).toBe('dismissed')
    target.dispatchEvent(new Event('appinstalled'))
    expect(installer.state.get()).toBe('installed')
    installer.destroy()
  })

  it('says installed when running standalone, and listens no more after destroy()', () => {
    expect(createInstallPrompt(fakeWindow(true)).state.get()).toBe('installed')
    const target = fakeWindow()
    const installer = createInstallPrompt(target)
    installer.destroy()
    target.dispatchEvent(installEvent('accepted').event)
    expect(installer.state.get()).toBe('none')
  })

  it('recognises iPhone and iPad (iPadOS says Macintosh, with touch), not Android', () => {
    expect(isAppleMobile({ userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)', maxTouchPoints: 5 })).toBe(true)
    expect(isAppleMobile({ userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7)', maxTouchPoints: 5 })).toBe(true)
    expect(isAppleMobile({ userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7)', maxTouchPoints: 0 })).toBe(false)
    expect(isAppleMobile({ userAgent: 'Mozilla/5.0 (Linux; Android 14; Pixel 8)', maxTouchPoints: 5 })).toBe(false)
  })
})
