// What a browser phone holds in IndexedDB: every sealed personal value (`s1.…`) in any of its databases, and its stored
// dismissals of notices.
import type { Page } from 'playwright-core'
import type { Phone } from './browser.ts'

/** Every distinct sealed value (`s1.` and its base64url) in any record of any IndexedDB database of the page's origin. */
export const storedSealedValues = (phone: Phone): Promise<string[]> => phone.page.evaluate(async () => {
  const request = <T,>(req: IDBRequest<T>): Promise<T> => new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result)
    req.onerror = () => reject(req.error)
  })
  const texts: string[] = []
  const collect = (value: unknown): void => {
    if (value instanceof Uint8Array) texts.push(Array.from(value, (byte) => String.fromCharCode(byte)).join(''))
    else if (value instanceof ArrayBuffer) collect(new Uint8Array(value))
    else if (typeof value === 'string') texts.push(value)
    else if (Array.isArray(value)) value.forEach(collect)
    else if (typeof value === 'object' && value !== null) Object.values(value).forEach(collect)
  }
  for (const { name } of await indexedDB.databases()) {
    if (name === undefined) continue
    const db = await request(indexedDB.open(name))
    for (const store of Array.from(db.objectStoreNames)) collect(await request(db.transaction(store).objectStore(store).getAll()))
    db.close()
  }
  return [...new Set(texts.flatMap((text) => text.match(/s1\.[A-Za-z0-9_-]{20,}/g) ?? []))]
})

/** How many dismissed notices the phone's device database holds (IndexedDB, read as the app stores them). */
export const storedDismissals = (page: Page): Promise<number> => page.evaluate(() => new Promise<number>((resolve) => {
  const request = indexedDB.open('pedibus-coop')
  request.onsuccess = () => {
    const db = request.result
    const count = db.transaction('dismissed').objectStore('dismissed').count()
    count.onsuccess = () => {
      resolve(count.result)
      db.close()
    }
    count.onerror = () => resolve(-1)
  }
  request.onerror = () => resolve(-1)
}))
