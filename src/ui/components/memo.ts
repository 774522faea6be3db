// A component rendered again only when its props changed by the caller's measure (preact/compat's memo, without
// compat).
import { Component, h, type FunctionComponent } from 'preact'

export const memoWith = <P extends object>(Inner: FunctionComponent<P>, same: (previous: P, next: P) => boolean) => {
  class Memo extends Component<P> {
    override shouldComponentUpdate(next: P): boolean {
      return !same(this.props, next)
    }

    override render() {
      return h(Inner, this.props)
    }
  }
  return Memo
}

/** Equal values, arrays of equal length whose items are equal, or plain objects with equal own values, `depth` deep. */
export const sameData = (a: unknown, b: unknown, depth = 3): boolean => {
  if (Object.is(a, b)) return true
  if (depth === 0 || typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false
    return a.every((item, index) => sameData(item, b[index], depth - 1))
  }
  const keysA = Object.keys(a)
  if (keysA.length !== Object.keys(b).length) return false
  const recordA = a as Record<string, unknown>
  const recordB = b as Record<string, unknown>
  return keysA.every((key) => key in recordB && sameData(recordA[key], recordB[key], depth - 1))
}
