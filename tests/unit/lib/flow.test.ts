// Max flow and min-cost flow on small graphs whose answers are known by hand.
import { describe, expect, it } from 'vitest'
import { FlowGraph, UNLIMITED } from '../../../src/lib/flow.ts'

/** s=0, t=1, then nodes a..d: the CLRS example shape with a max flow of 23. */
const classic = (): { graph: FlowGraph; edges: number[] } => {
  const graph = new FlowGraph()
  for (let i = 0; i < 6; i++) graph.addNode()
  const [s, t, a, b, c, d] = [0, 1, 2, 3, 4, 5]
  const edges = [
    graph.addEdge(s, a, 16), graph.addEdge(s, b, 13), graph.addEdge(b, a, 4), graph.addEdge(a, c, 12),
    graph.addEdge(c, b, 9), graph.addEdge(b, d, 14), graph.addEdge(d, c, 7), graph.addEdge(c, t, 20), graph.addEdge(d, t, 4),
  ]
  return { graph, edges }
}

describe('FlowGraph.maxFlow', () => {
  it('finds the maximum flow and keeps flows within capacities', () => {
    const { graph, edges } = classic()
    expect(graph.maxFlow(0, 1)).toBe(23)
    expect(graph.maxFlow(0, 1)).toBe(0)
    for (const e of edges) expect(graph.flowOn(e)).toBeGreaterThanOrEqual(0)
  })

  it('stops at a limit, then continues from the current flow after a capacity is raised', () => {
    const graph = new FlowGraph()
    const [s, t, m] = [graph.addNode(), graph.addNode(), graph.addNode()]
    graph.addEdge(s, m, 10)
    const out = graph.addEdge(m, t, 3)
    expect(graph.maxFlow(s, t, 2)).toBe(2)
    expect(graph.maxFlow(s, t)).toBe(1)
    graph.setCapacity(out, UNLIMITED)
    expect(graph.maxFlow(s, t)).toBe(7)
    expect(graph.flowOn(out)).toBe(10)
    graph.reset()
    expect(graph.flowOn(out)).toBe(0)
  })
})

describe('FlowGraph.minCostFlow', () => {
  it('sends the amount along the cheapest routes, negative costs included', () => {
    const graph = new FlowGraph()
    const [s, t, a, b] = [graph.addNode(), graph.addNode(), graph.addNode(), graph.addNode()]
    graph.addEdge(s, a, 2, 1)
    graph.addEdge(s, b, 2, 5)
    const cheap = graph.addEdge(a, t, 1, -3)
    const dear = graph.addEdge(a, t, 1, 6)
    graph.addEdge(b, t, 2, 0)
    // Routes: s-a-t at -2 (once), s-b-t at 5 (twice), s-a-t at 7: three units cost -2 + 5 + 5.
    expect(graph.minCostFlow(s, t, 3)).toEqual({ flow: 3, cost: 8 })
    expect(graph.flowOn(cheap)).toBe(1)
    expect(graph.flowOn(dear)).toBe(0)
  })

  it('reroutes an earlier unit when a later one needs its edge', () => {
    const graph = new FlowGraph()
    const [s, t, a, b, c] = [graph.addNode(), graph.addNode(), graph.addNode(), graph.addNode(), graph.addNode()]
    graph.addEdge(s, a, 1)
    graph.addEdge(s, b, 1, 1)
    const aToC = graph.addEdge(a, c, 1)
    graph.addEdge(a, t, 1, 5)
    graph.addEdge(b, c, 1)
    graph.addEdge(c, t, 1)
    // One unit: s-a-c-t at 0. Two units: b only reaches t through c, so a's unit moves to a-t (1 + 5).
    expect(graph.minCostFlow(s, t, 1)).toEqual({ flow: 1, cost: 0 })
    expect(graph.flowOn(aToC)).toBe(1)
    graph.reset()
    expect(graph.minCostFlow(s, t, 5)).toEqual({ flow: 2, cost: 6 })
    expect(graph.flowOn(aToC)).toBe(0)
  })
})
