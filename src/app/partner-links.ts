// Read-only partner links, member side (issue 18): make a link (a new partner room holding the sealed summary, a reader
// filed on the relay, the link kept sealed in the collective's document), list and revoke them, and publish the summary
// to every active link's room from any member's phone with the collective open (debounced, only when it changed).
import type * as Y from 'yjs'
import { readPartnerLinks, writePartnerLink, observePartnerLinks, type StoredPartnerLink } from '../doc/partner-links.ts'
import {
  createInviteSecret, createRoomId, deriveRoomToken, hashRoomToken, parseInviteSecret, parseRoomId, type RoomId,
} from '../lib/credentials.ts'
import {
  createPartnerReadKey, openPartnerSummary, parsePartnerReadKey, partnerReadTokenOf, readerIdOf, sealPartnerSummary,
  type PartnerReadKey,
} from '../lib/partner-link.ts'
import { READERS_PATH_PREFIX, RENEW_PATH_PREFIX, TOKEN_HEADER } from '../lib/relay-protocol.ts'
import { err, ok, type Result } from '../lib/result.ts'
import { createStore, type ReadableStore } from '../lib/store.ts'
import { parsePartnerSummary } from '../domain/partner-summary.ts'
import { MAX_PARTNER_LINKS, PARTNER_LABEL_MAX } from '../domain/partner-summary.ts'
import { publishToPartnerRoom } from '../sync/partner-room.ts'
import type { WebSocketClass } from '../sync/counting-socket.ts'
import type { PartnerLinkError, PartnerLinkInfo, PartnerLinks } from './api-partners.ts'
import type { CollectiveView } from './api.ts'
import type { RelayFetch } from './env.ts'
import { partnerSummaryContent, partnerSummaryOf } from './queries/partner-summary.ts'

export const PARTNER_PATH = '/partenaire'
/** After a change, the summary goes out once things settle (a burst of sign-ups is one publication). */
const PUBLISH_DEBOUNCE_MS = 3_000
/** Again every so often: a new week starts, a walk passes, without any change to the document. */
const REPUBLISH_EVERY_MS = 60 * 60 * 1000
/** After a publication that could not reach every room (offline), or a change during one. */
const RETRY_MS = 30_000

export interface PartnerLinkDeps {
  readonly relayUrl: string
  readonly origin: string
  readonly fetch: RelayFetch
  readonly WebSocket?: WebSocketClass | undefined
  readonly now: () => number
  readonly view: ReadableStore<CollectiveView>
  /** My family's id on this phone (recorded as the link's maker), or null. */
  readonly familyId: () => string | null
  /** False while nothing may be published (an archived or renewed collective). */
  readonly canPublish: () => boolean
  readonly onError: (error: unknown) => void
}

export interface PartnerLinksHandle extends PartnerLinks {
  /** The session's current document (a rebuilt copy replaces it). */
  attach(doc: Y.Doc): void
  destroy(): void
}

export const buildPartnerUrl = (origin: string, roomId: string, key: string): string =>
  `${origin.replace(/\/+$/, '')}${PARTNER_PATH}#${new URLSearchParams({ r: roomId, k: key }).toString()}`

/** `wss://host/sync` or `https://host/...` -> `https://host<path>`. */
const httpUrl = (relayUrl: string, path: string): string => {
  const url = new URL(relayUrl)
  const protocol = url.protocol === 'wss:' || url.protocol === 'https:' ? 'https:' : 'http:'
  return `${protocol}//${url.host}${path}`
}

interface ActiveLink {
  readonly roomId: RoomId
  readonly writeToken: string
  readonly readKey: PartnerReadKey
  readonly stored: StoredPartnerLink
}

const activeOf = async (link: StoredPartnerLink): Promise<ActiveLink | null> => {
  const roomId = parseRoomId(link.roomId)
  const secret = parseInviteSecret(link.writeSecret)
  const readKey = parsePartnerReadKey(link.readKey)
  if (link.revokedAt !== null || !roomId || !secret || !readKey) return null
  return { roomId, writeToken: await deriveRoomToken(roomId, secret), readKey, stored: link }
}

export const createPartnerLinks = (deps: PartnerLinkDeps): PartnerLinksHandle => {
  const links = createStore<readonly PartnerLinkInfo[]>([])
  const publishedAt = createStore<number | null>(null)
  /** Per partner room, the content last found there or put there by this phone. */
  const published = new Map<string, string>()
  let doc: Y.Doc | null = null
  let unobserve = (): void => {}
  let timer: ReturnType<typeof setTimeout> | null = null
  let publishing: Promise<void> | null = null
  let again = false
  let destroyed = false

  const stored = (): StoredPartnerLink[] => (doc === null ? [] : readPartnerLinks(doc))
  const refreshList = (): void => {
    const active = stored().filter((link) => link.revokedAt === null && link.readKey !== undefined)
    links.set(active.map((link) => ({
      id: link.roomId, label: link.label, createdAt: link.createdAt, url: buildPartnerUrl(deps.origin, link.roomId, link.readKey!),
    })))
  }

  const call = async (path: string, init: Parameters<RelayFetch>[1]): Promise<number | null> => {
    try {
      return (await deps.fetch(httpUrl(deps.relayUrl, path), init)).status
    } catch {
      return null
    }
  }

  /** Files the link's reader with the relay (again: the same id replaces it); the HTTP status, null when offline. */
  const fileReader = async (link: ActiveLink): Promise<number | null> => {
    const body = JSON.stringify({
      id: await readerIdOf(link.roomId, link.readKey),
      tokenHash: await hashRoomToken(await partnerReadTokenOf(link.roomId, link.readKey)),
    })
    return call(`${READERS_PATH_PREFIX}${link.roomId}`, {
      method: 'POST', headers: { [TOKEN_HEADER]: link.writeToken, 'content-type': 'application/json' }, body,
    })
  }

  /**
   * Publishes to one room: the relay's current value is compared first, so an unchanged summary is never sent. A room
   * found empty was made again (the relay deleted it for disuse, the link's own token registered it anew): its reader
   * is filed again, unless `fresh` (a link being made files it itself).
   */
  const publishOne = async (link: ActiveLink, content: string, text: string, fresh = false): Promise<boolean> => {
    const address = { relayUrl: deps.relayUrl, roomId: link.roomId, token: link.writeToken, WebSocket: deps.WebSocket }
    let wasEmpty = false
    const outcome = await publishToPartnerRoom(address, async (current) => {
      wasEmpty = current === null
      const opened = current === null ? null : await openPartnerSummary(link.roomId, link.readKey, current)
      const summary = opened === null ? null : parsePartnerSummary(opened)
      if (summary !== null && partnerSummaryContent(summary) === content) return null
      return sealPartnerSummary(link.roomId, link.readKey, text)
    })
    if (outcome !== 'published' && outcome !== 'unchanged') return false
    if (wasEmpty && !fresh && (await fileReader(link)) !== 201) return false
    published.set(link.roomId, content)
    return true
  }

  const publishAll = async (): Promise<void> => {
    if (destroyed || doc === null || !deps.canPublish()) return
    const active = (await Promise.all(stored().map(activeOf))).filter((link) => link !== null)
    // No link, no summary: a collective without partners never pays for building one.
    if (active.length === 0) return
    const summary = partnerSummaryOf(deps.view.get(), deps.now())
    const content = partnerSummaryContent(summary)
    const text = JSON.stringify(summary)
    let allDone = true
    for (const link of active) {
      if (published.get(link.roomId) === content) continue
      if (!(await publishOne(link, content, text))) allDone = false
    }
    if (allDone) publishedAt.set(deps.now())
    else again = true // offline or refused for now: tried again after the next pause
  }

  /** One publication at a time; a change meanwhile makes one more after it. */
  const publishSoon = (delay = PUBLISH_DEBOUNCE_MS): void => {
    if (destroyed) return
    if (timer !== null) clearTimeout(timer)
    timer = setTimeout(() => {
      timer = null
      if (publishing) {
        again = true
        return
      }
      publishing = publishAll().catch(deps.onError).finally(() => {
        publishing = null
        if (again) {
          again = false
          publishSoon(RETRY_MS)
        }
      })
    }, delay)
  }

  // Also how a copy loaded from the disk shows its links (a quiet load may not call the map's observers).
  const unsubscribeView = deps.view.subscribe(() => {
    refreshList()
    publishSoon()
  })
  const hourly = setInterval(() => {
    published.clear()
    publishSoon(0)
  }, REPUBLISH_EVERY_MS)

  const create = async (label: string): Promise<Result<PartnerLinkInfo, PartnerLinkError>> => {
    const name = label.trim().replace(/\s+/g, ' ')
    // eslint-disable-next-line no-control-regex
    if (name.length === 0 || name.length > PARTNER_LABEL_MAX || /[\u0000-\u001f\u007f]/.test(name)) return err('invalidLabel')
    if (doc === null) return err('refused')
    if (links.get().length >= MAX_PARTNER_LINKS) return err('tooMany')
    const roomId = createRoomId()
    const writeSecret = createInviteSecret()
    const readKey = createPartnerReadKey()
    const link: StoredPartnerLink = {
      roomId, label: name, createdAt: deps.now(), createdBy: deps.familyId(), revokedAt: null, writeSecret, readKey,
    }
    const active = await activeOf(link)
    const summary = partnerSummaryOf(deps.view.get(), deps.now())
    // The room exists and holds the summary before anyone can read it; then the reader is filed; then the link kept.
    if (!active || !(await publishOne(active, partnerSummaryContent(summary), JSON.stringify(summary), true))) {
      return err('offline')
    }
    const status = await fileReader(active)
    if (status === null || status === 429 || status >= 500) return err('offline')
    if (status !== 201) return err(status === 422 ? 'tooMany' : 'refused')
    if (doc === null || destroyed) return err('refused')
    writePartnerLink(doc, link)
    publishedAt.set(deps.now())
    refreshList()
    return ok({ id: roomId, label: name, createdAt: link.createdAt, url: buildPartnerUrl(deps.origin, roomId, readKey) })
  }

  const revoke = async (id: string): Promise<Result<void, PartnerLinkError>> => {
    const link = stored().find((candidate) => candidate.roomId === id)
    const active = link === undefined ? null : await activeOf(link)
    if (!link || !active) return err('notFound')
    const headers = { [TOKEN_HEADER]: active.writeToken }
    const readerId = await readerIdOf(active.roomId, active.readKey)
    // The reader first: its open pages are closed at once. Then the room is deleted behind a tombstone (a renewal:
    // the relay keeps no content and the id is never served again).
    const removed = await call(`${READERS_PATH_PREFIX}${active.roomId}/${readerId}`, { method: 'DELETE', headers })
    if (removed === null || removed === 429 || removed >= 500) return err('offline')
    if (removed !== 204 && removed !== 410 && removed !== 404) return err('refused')
    const deleted = await call(`${RENEW_PATH_PREFIX}${active.roomId}`, { method: 'POST', headers })
    if (deleted === null || deleted === 429 || deleted >= 500) return err('offline')
    if (doc === null) return err('refused')
    const { writeSecret: _secret, readKey: _key, ...kept } = link
    writePartnerLink(doc, { ...kept, revokedAt: deps.now() })
    published.delete(active.roomId)
    refreshList()
    return ok(undefined)
  }

  return {
    links,
    publishedAt,
    create,
    revoke,
    attach(next) {
      unobserve()
      doc = next
      unobserve = observePartnerLinks(next, () => {
        refreshList()
        publishSoon()
      })
      refreshList()
      publishSoon()
    },
    destroy() {
      destroyed = true
      unobserve()
      unsubscribeView()
      clearInterval(hourly)
      if (timer !== null) clearTimeout(timer)
      timer = null
      doc = null
    },
  }
}
