// Generic network-flow algorithms on integer capacities and costs: Dinic max flow and min-cost flow (successive shortest paths with potentials).

/** Capacity meaning "no limit"; sums of finite capacities stay far below it. */
export const UNLIMITED = Number.MAX_SAFE_INTEGER

/**
 * A directed graph with residual capacities. Edge `e` and its reverse `e ^ 1` are stored side by
 * side, so the flow on an edge is the residual capacity of its reverse. Every loop walks nodes in id
 * order and a node's edges last-added first, so the result only depends on the order of additions.
 */
export class FlowGraph {
  private readonly head: number[] = []
  private readonly to: number[] = []
  private readonly next: number[] = []
  private readonly residual: number[] = []
  private readonly capacity: number[] = []
  private readonly cost: number[] = []
  /** While set (potentials), only edges of reduced cost 0 carry flow: the min-cost flow's admissible graph. */
  private admissible: number[] | null = null

  get nodeCount(): number {
    return this.head.length
  }

  addNode(): number {
    this.head.push(-1)
    return this.head.length - 1
  }

  /** Adds u -> v and returns its edge id. Costs must be integers; capacities non-negative integers or UNLIMITED. */
  addEdge(u: number, v: number, capacity: number, cost = 0): number {
    const id = this.to.length
    this.pushHalf(u, v, capacity, cost)
    this.pushHalf(v, u, 0, -cost)
    return id
  }

  /** Flow currently on edge `e` (as returned by addEdge). */
  flowOn(e: number): number {
    return this.residual[e ^ 1] ?? 0
  }

  /** Changes an edge's capacity, keeping its flow; the new capacity must not be below that flow. */
  setCapacity(e: number, capacity: number): void {
    const flow = this.flowOn(e)
    if (capacity < flow) throw new Error('setCapacity: below the current flow')
    this.capacity[e] = capacity
    this.residual[e] = capacity - flow
  }

  /** Removes every flow. */
  reset(): void {
    for (let e = 0; e < this.to.length; e++) this.residual[e] = this.capacity[e] ?? 0
  }

  /**
   * Dinic: augments the current flow from s to t by at most `limit` and returns the amount added.
   * Augmenting paths are simple s-t paths, so the flow on edges into t never decreases.
   */
  maxFlow(s: number, t: number, limit = UNLIMITED): number {
    let total = 0
    const level = new Array<number>(this.nodeCount)
    const cursor = new Array<number>(this.nodeCount)
    while (total < limit && this.levels(s, t, level)) {
      for (let v = 0; v < this.nodeCount; v++) cursor[v] = this.head[v] ?? -1
      for (;;) {
        const pushed = this.blockingPush(s, t, limit - total, level, cursor)
        if (pushed === 0) break
        total += pushed
        if (total >= limit) break
      }
    }
    return total
  }

  /**
   * Sends up to `amount` units from s to t at minimum cost, starting from the empty flow (call
   * reset first if needed). The graph must have no negative-cost cycle. Primal-dual successive
   * shortest paths: flow only ever moves along shortest paths, so after k units it is a cheapest
   * flow of value k, and the result is a cheapest flow of its value.
   */
  minCostFlow(s: number, t: number, amount: number): { readonly flow: number; readonly cost: number } {
    const n = this.nodeCount
    const potential = this.initialPotentials(s)
    const dist = new Array<number>(n)
    let flow = 0
    let cost = 0
    while (flow < amount) {
      this.dijkstra(s, potential, dist)
      if ((dist[t] ?? Infinity) === Infinity) break
      for (let v = 0; v < n; v++) {
        const d = dist[v] ?? Infinity
        if (d !== Infinity) potential[v] = (potential[v] ?? 0) + d
      }
      // Every shortest path now uses only edges of reduced cost 0: push as much as they carry at once.
      this.admissible = potential
      const pushed = this.maxFlow(s, t, amount - flow)
      this.admissible = null
      flow += pushed
      cost += pushed * ((potential[t] ?? 0) - (potential[s] ?? 0))
    }
    return { flow, cost }
  }

  private pushHalf(u: number, v: number, capacity: number, cost: number): void {
    const id = this.to.length
    this.to.push(v)
    this.next.push(this.head[u] ?? -1)
    this.head[u] = id
    this.residual.push(capacity)
    this.capacity.push(capacity)
    this.cost.push(cost)
  }

  private usable(e: number, u: number, v: number): boolean {
    const p = this.admissible
    return p === null || (this.cost[e] ?? 0) + (p[u] ?? 0) - (p[v] ?? 0) === 0
  }

  /** BFS levels on the residual graph; true when t is reachable. */
  private levels(s: number, t: number, level: number[]): boolean {
    level.fill(-1)
    level[s] = 0
    const queue = [s]
    for (let i = 0; i < queue.length; i++) {
      const u = queue[i] ?? s
      for (let e = this.head[u] ?? -1; e !== -1; e = this.next[e] ?? -1) {
        const v = this.to[e] ?? 0
        if ((this.residual[e] ?? 0) > 0 && level[v] === -1 && this.usable(e, u, v)) {
          level[v] = (level[u] ?? 0) + 1
          queue.push(v)
        }
      }
    }
    return level[t] !== -1
  }

  /** One augmenting path in the level graph (iterative: residual paths can be long), or 0 when blocked. */
  private blockingPush(s: number, t: number, want: number, level: number[], cursor: number[]): number {
    const path: number[] = []
    let u = s
    while (u !== t) {
      let e = cursor[u] ?? -1
      while (e !== -1 && !this.advances(e, u, level)) e = this.next[e] ?? -1
      cursor[u] = e
      if (e === -1) {
        // Dead end: step back and skip the edge that led here.
        const back = path.pop()
        if (back === undefined) return 0
        u = this.to[back ^ 1] ?? s
        cursor[u] = this.next[back] ?? -1
        continue
      }
      path.push(e)
      u = this.to[e] ?? t
    }
    let push = want
    for (const e of path) push = Math.min(push, this.residual[e] ?? 0)
    for (const e of path) {
      this.residual[e] = (this.residual[e] ?? 0) - push
      this.residual[e ^ 1] = (this.residual[e ^ 1] ?? 0) + push
    }
    return push
  }

  private advances(e: number, u: number, level: number[]): boolean {
    const v = this.to[e] ?? 0
    return (this.residual[e] ?? 0) > 0 && level[v] === (level[u] ?? 0) + 1 && this.usable(e, u, v)
  }

  /** Shortest distances from s by Bellman-Ford (queue based), so negative edge costs are allowed at the start. */
  private initialPotentials(s: number): number[] {
    const n = this.nodeCount
    const dist = new Array<number>(n).fill(Infinity)
    const queued = new Array<boolean>(n).fill(false)
    dist[s] = 0
    const queue = [s]
    queued[s] = true
    for (let i = 0; i < queue.length; i++) {
      const u = queue[i] ?? s
      queued[u] = false
      const du = dist[u] ?? Infinity
      for (let e = this.head[u] ?? -1; e !== -1; e = this.next[e] ?? -1) {
        if ((this.residual[e] ?? 0) <= 0) continue
        const v = this.to[e] ?? 0
        const dv = du + (this.cost[e] ?? 0)
        if (dv < (dist[v] ?? Infinity)) {
          dist[v] = dv
          if (!queued[v]) {
            queued[v] = true
            queue.push(v)
          }
        }
      }
    }
    return dist.map((d) => (d === Infinity ? 0 : d))
  }

  /** Dijkstra on reduced costs (non-negative thanks to the potentials); ties broken by node id. */
  private dijkstra(s: number, potential: number[], dist: number[]): void {
    dist.fill(Infinity)
    dist[s] = 0
    const heap = new MinHeap()
    heap.push(0, s)
    while (heap.size > 0) {
      const [d, u] = heap.pop()
      if (d !== dist[u]) continue
      const pu = potential[u] ?? 0
      for (let e = this.head[u] ?? -1; e !== -1; e = this.next[e] ?? -1) {
        if ((this.residual[e] ?? 0) <= 0) continue
        const v = this.to[e] ?? 0
        const dv = d + (this.cost[e] ?? 0) + pu - (potential[v] ?? 0)
        if (dv < (dist[v] ?? Infinity)) {
          dist[v] = dv
          heap.push(dv, v)
        }
      }
    }
  }
}

/** A binary heap of (key, node) pairs, smallest key first, then smallest node. */
class MinHeap {
  private readonly keys: number[] = []
  private readonly nodes: number[] = []

  get size(): number {
    return this.keys.length
  }

  push(key: number, node: number): void {
    this.keys.push(key)
    this.nodes.push(node)
    let i = this.keys.length - 1
    while (i > 0) {
      const parent = (i - 1) >> 1
      if (!this.less(i, parent)) break
      this.swap(i, parent)
      i = parent
    }
  }

  pop(): [number, number] {
    const top: [number, number] = [this.keys[0] ?? 0, this.nodes[0] ?? 0]
    const lastKey = this.keys.pop() ?? 0
    const lastNode = this.nodes.pop() ?? 0
    if (this.keys.length > 0) {
      this.keys[0] = lastKey
      this.nodes[0] = lastNode
      let i = 0
      for (;;) {
        const l = 2 * i + 1
        const r = l + 1
        let best = i
        if (l < this.keys.length && this.less(l, best)) best = l
        if (r < this.keys.length && this.less(r, best)) best = r
        if (best === i) break
        this.swap(i, best)
        i = best
      }
    }
    return top
  }

  private less(a: number, b: number): boolean {
    const ka = this.keys[a] ?? 0
    const kb = this.keys[b] ?? 0
    return ka < kb || (ka === kb && (this.nodes[a] ?? 0) < (this.nodes[b] ?? 0))
  }

  private swap(a: number, b: number): void {
    const k = this.keys[a] ?? 0
    this.keys[a] = this.keys[b] ?? 0
    this.keys[b] = k
    const n = this.nodes[a] ?? 0
    this.nodes[a] = this.nodes[b] ?? 0
    this.nodes[b] = n
  }
}
