import { readChapter } from '../read.js'
import { loadTheme } from '../render/theme.js'
import type { Job } from './job.js'

/** The read stage: the chapter as a VFile, and the theme it is built with. */
export function readStage(job: Job) {
  return { file: readChapter(job.input, job.context.cwd), theme: loadTheme(job.options.theme ?? 'chapterdeck') }
}
