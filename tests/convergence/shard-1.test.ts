// Convergence harness, shard 1 of 4 (see seeds.ts): seeded multi-replica runs must converge and keep every invariant.
import { describe } from 'vitest'
import { runShard } from './seeds.ts'

describe('convergence harness', () => runShard(0))
