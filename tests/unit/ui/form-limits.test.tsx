// Forms show their length limits before submit (a hint for short fields, a counter for long texts), tied to the field,
// and a too-long error quotes the number; the phone is optional and says what it is for.
import { renderToString } from 'preact-render-to-string'
import { describe, expect, it } from 'vitest'
import { LineIdSchema, StopIdSchema } from '../../../src/domain/ids.ts'
import type { Line, Stop } from '../../../src/domain/line.ts'
import { DEFAULT_SETTINGS } from '../../../src/domain/settings.ts'
import { FamilyNameForm } from '../../../src/ui/components/FamilyNameForm.tsx'
import { AdultForm } from '../../../src/ui/components/manage/AdultForm.tsx'
import { ChildForm } from '../../../src/ui/components/manage/ChildForm.tsx'
import { errorTextOf } from '../../../src/ui/components/manage/errors.ts'
import { ExceptionForm } from '../../../src/ui/components/manage/ExceptionForm.tsx'
import { InputField, TextAreaField } from '../../../src/ui/components/manage/fields.tsx'
import { emptyChild, lineValuesOf } from '../../../src/ui/components/manage/forms.ts'
import { HolidayForm } from '../../../src/ui/components/manage/HolidayForm.tsx'
import { LineForm } from '../../../src/ui/components/manage/LineForm.tsx'
import { StopForm } from '../../../src/ui/components/manage/StopForm.tsx'
import { ProfileForm } from '../../../src/ui/components/ProfileForm.tsx'
import { TextField } from '../../../src/ui/components/TextField.tsx'
import { createTranslate } from '../../helpers/translate.ts'

const ok = () => ({ ok: true as const, value: null })
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&#39;|&rsquo;/g, '’').replace(/\s+/g, ' ')
/** The ids an element with this id points to with aria-describedby. */
const describedBy = (html: string, id: string): string[] => {
  const tag = new RegExp(`<(?:input|textarea)[^>]*id="${id}"[^>]*>`).exec(html)?.[0] ?? ''
  return (/aria-describedby="([^"]*)"/.exec(tag)?.[1] ?? '').split(' ').filter(Boolean)
}
/** The text of the element with this id. */
const textOfId = (html: string, id: string): string => text(new RegExp(`id="${id}"[^>]*>(.*?)</p>`).exec(html)?.[1] ?? '').trim()

const lineId = LineIdSchema.parse('11111111-1111-4111-8111-111111111111')
const line = { id: lineId, name: 'Ligne verte', colour: '#1f5f3f', directions: ['aller'], days: [1, 2, 4, 5] } as Line
const stop = { id: StopIdSchema.parse('00000000-0000-4000-8000-000000000001'), lineId, name: 'Mairie', position: 1, times: {}, access: { stepFree: false, dangerousCrossing: false, note: '' } } as Stop

describe('field limits', () => {
  it('a short field says its limit before any submit, linked to the input; no counter', () => {
    const html = renderToString(<TextField id="n" label="Nom" hint="Comme on l’appelle" value="" onInput={() => {}} maxLength={80} />)
    expect(textOfId(html, 'n-limit')).toBe('80 caractères au plus')
    expect(describedBy(html, 'n')).toEqual(['n-hint', 'n-limit'])
    expect(html).not.toContain('/ 80')
    const input = renderToString(<InputField id="l" label="Nom" value="" onInput={() => {}} maxLength={200} />)
    expect(textOfId(input, 'l-limit')).toBe('200 caractères au plus')
    expect(describedBy(input, 'l')).toEqual(['l-limit'])
  })

  it('a long text shows a live counter; screen readers get the limit, and a polite region that stays quiet while typing', () => {
    const html = renderToString(<TextAreaField id="s" label="Consignes" value="  tenir la main " onInput={() => {}} maxLength={500} />)
    expect(html).toMatch(/<p[^>]*aria-hidden="true"[^>]*>13 \/ 500<\/p>|<p[^>]*>13 \/ 500<\/p>/)
    expect(html).toMatch(/aria-hidden="true"[^>]*>13 \/ 500/)
    expect(textOfId(html, 's-limit')).toBe('500 caractères au plus')
    expect(describedBy(html, 's')).toEqual(['s-limit'])
    expect(html).toMatch(/<p[^>]*aria-live="polite"[^>]*><\/p>/)
  })

  it('a text over its limit says by how much, and the error quotes the number and is tied to the field', () => {
    const html = renderToString(
      <TextAreaField id="s" label="Consignes" value={'a'.repeat(503)} onInput={() => {}} maxLength={500}
        error={errorTextOf(createTranslate('fr'), { support: 'tooLong' }, 'support', 500)} />,
    )
    expect(html).toContain('503 / 500')
    expect(textOfId(html, 's-error')).toBe('⚠ Ce texte est trop long : 500 caractères au plus.')
    expect(describedBy(html, 's')).toEqual(['s-limit', 's-error'])
    expect(html).toContain('aria-invalid="true"')
    expect(errorTextOf(createTranslate('en'), { note: 'tooLong' }, 'note', 300)).toBe('This text is too long: 300 characters at most.')
  })
})

describe('every form quotes its limits before submit', () => {
  const cases: [string, string, [string, string][]][] = [
    ['profile', renderToString(<ProfileForm idPrefix="p" submitLabel="Créer" onSubmit={ok} />), [['p-name', '80 caractères au plus'], ['p-school', '80 caractères au plus'], ['p-town', '80 caractères au plus']]],
    ['family', renderToString(<FamilyNameForm id="f" label="Nom" submitLabel="Ajouter" onSubmit={ok} />), [['f', '60 caractères au plus']]],
    ['adult', renderToString(<AdultForm idPrefix="a" submitLabel="Ajouter" onSubmit={ok} />), [['a-firstName', '40 caractères au plus']]],
    ['child', renderToString(<ChildForm idPrefix="c" initial={emptyChild(DEFAULT_SETTINGS)} lines={[line]} stops={[stop]} submitLabel="Ajouter" onSubmit={ok} />),
      [['c-firstName', '40 caractères au plus'], ['c-support', '500 caractères au plus']]],
    ['line', renderToString(<LineForm idPrefix="l" initial={lineValuesOf(undefined, DEFAULT_SETTINGS)} submitLabel="Créer" onSubmit={ok} />), [['l-name', '60 caractères au plus']]],
    ['stop', renderToString(<StopForm idPrefix="s" directions={['aller']} submitLabel="Ajouter" onSubmit={ok} />), [['s-name', '60 caractères au plus'], ['s-note', '300 caractères au plus']]],
    ['exception', renderToString(<ExceptionForm lines={[line]} today="2027-03-02" onSubmit={ok} />), [['exception-note', '200 caractères au plus']]],
    ['holiday', renderToString(<HolidayForm onSubmit={ok} />), [['holiday-label', '200 caractères au plus']]],
  ]
  it.each(cases)('%s', (_, html, fields) => {
    for (const [id, limit] of fields) {
      expect(textOfId(html, `${id}-limit`), id).toBe(limit)
      expect(describedBy(html, id), id).toContain(`${id}-limit`)
    }
  })

  it('counts long texts from the start: support instructions and access notes', () => {
    expect(renderToString(<ChildForm idPrefix="c" initial={emptyChild(DEFAULT_SETTINGS)} lines={[line]} stops={[stop]} submitLabel="Ajouter" onSubmit={ok} />)).toContain('0 / 500')
    expect(renderToString(<StopForm idPrefix="s" directions={['aller']} submitLabel="Ajouter" onSubmit={ok} />)).toContain('0 / 300')
  })
})

describe('the adult form’s phone', () => {
  it('is marked optional and says what the number is for and who sees it', () => {
    const html = text(renderToString(<AdultForm idPrefix="a" submitLabel="Ajouter" onSubmit={ok} />))
    expect(html).toContain('Téléphone (facultatif)')
    expect(html).toMatch(/adultes? du trajet.*appeler.*membres du collectif/i)
  })
})
