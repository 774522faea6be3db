// The layering rule of eslint.config.js, run through ESLint's Node API on planted snippets: src/ui imports src/domain for types only.
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const eslint = new ESLint({ cwd: process.cwd() })

/** The import-restriction messages ESLint reports for `code` as if it were the file at `filePath`. */
const restrictions = async (code: string, filePath = 'src/ui/components/planning/planted.ts'): Promise<string[]> => {
  const [result] = await eslint.lintText(code, { filePath })
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === '@typescript-eslint/no-restricted-imports')
    .map((message) => message.message)
}

describe('src/ui may not call the domain at runtime', () => {
  it('reports a runtime import of src/domain in a ui component, and says where to go instead', async () => {
    const found = await restrictions("import { addDays } from '../../../domain/dates.ts'\nexport const next = addDays\n")
    expect(found).toHaveLength(1)
    expect(found[0]).toContain('src/app/queries')
  })

  it('reports one in every ui folder, the rota, swaps, walk and coordination screens included', async () => {
    const code = "import { deriveWalks } from '../../../domain/rota/index.ts'\nexport const walks = deriveWalks\n"
    for (const folder of ['rota', 'swaps', 'walk', 'coordination', 'manage']) {
      expect(await restrictions(code, `src/ui/components/${folder}/planted.ts`)).toHaveLength(1)
    }
  })

  it('reports one in a page and in a mixed value-and-type import', async () => {
    const code = "import { LocalDateSchema, type LocalDate } from '../../../domain/dates.ts'\nexport const parse = (t: string): LocalDate => LocalDateSchema.parse(t)\n"
    expect(await restrictions(code, 'src/ui/pages/planning/Planted.tsx')).toHaveLength(1)
  })

  it('accepts `import type` from src/domain', async () => {
    const code = "import type { LocalDate } from '../../../domain/dates.ts'\nexport const same = (d: LocalDate): LocalDate => d\n"
    expect(await restrictions(code)).toEqual([])
  })

  it('accepts the read model and the contract of src/app, and refuses the rest of src/app', async () => {
    const allowed = [
      "import { periodOf } from '../../../app/queries/planning/plan-view.ts'\nexport const p = periodOf\n",
      "import type { CollectiveSession } from '../../../app/api.ts'\nexport type S = CollectiveSession\n",
    ]
    for (const code of allowed) expect(await restrictions(code)).toEqual([])
    const refused = await restrictions("import { planningCommands } from '../../../app/commands-planning.ts'\nexport const c = planningCommands\n")
    expect(refused).toHaveLength(1)
    expect(refused[0]).toContain('src/app/api.ts')
  })

  it('still refuses doc, storage and sync, types included', async () => {
    const code = "import type { Y } from '../../../doc/keys.ts'\nexport type T = Y\n"
    expect(await restrictions(code)).toHaveLength(1)
  })

  it('leaves the domain free to import itself', async () => {
    const code = "import { addDays } from './dates.ts'\nexport const next = addDays\n"
    expect(await restrictions(code, 'src/domain/planted.ts')).toEqual([])
  })
})
