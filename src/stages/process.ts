import type { VFile } from 'vfile'
import { createProcessor } from '../processor.js'
import type { Theme } from '../render/theme.js'
import { collectGarbage, largeDeckChars } from '../util/memory.js'
import { timed, type Job, type Processed } from './job.js'

/** The process stage: the unified pipeline, chapter → slide tree → deck.md (see processor.ts). */
export async function processStage({ file, theme }: { file: VFile; theme: Theme }, job: Job): Promise<Processed> {
  const { slideLevel, assets, dialect, tab } = job.options
  const markdown = await timed(job, 'pipeline', async () => String(await createProcessor({ slideLevel, theme: theme.name, assets, dialect, tab }).process(file)))
  const large = markdown.length > largeDeckChars
  if (large) collectGarbage()
  return { file, theme, deck: file.data.deck!, markdown, large }
}
