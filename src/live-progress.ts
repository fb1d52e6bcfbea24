import { createLogUpdate } from 'log-update'
import pc from 'picocolors'
import type { Progress } from './progress.js'

const spinner = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏']
const stageNames: Record<string, string> = {
  pipeline: 'planning slides',
  verify: 'measuring slides',
  html: 'writing the HTML deck',
  pdf: 'printing slides.pdf',
  handout: 'printing handout.pdf',
  pptx: 'writing deck.pptx',
  png: 'writing slide images',
  social: 'writing social.png',
}

/**
 * A live display on a terminal: a line per chapter being built, with what it is doing and for
 * how long, under a count of chapters done. Lines that stay are written above it.
 */
export function liveProgress(stream: NodeJS.WriteStream, options: { color?: boolean } = {}): Progress {
  const color = pc.createColors(options.color ?? !('NO_COLOR' in process.env))
  const update = createLogUpdate(stream)
  const running = new Map<string, { stage: string; since: number }>()
  let done = 0
  let total = 0
  let frame = 0
  const render = () => {
    frame = (frame + 1) % spinner.length
    const now = performance.now()
    const rows = [...running].map(
      ([chapter, { stage, since }]) => `${color.cyan(spinner[frame])} ${chapter}  ${color.dim(`${stageNames[stage] ?? stage} · ${((now - since) / 1000).toFixed(1)} s`)}`,
    )
    update([color.bold(`${done}/${total} chapters built`), ...rows].join('\n'))
  }
  const timer = setInterval(render, 120)
  timer.unref()
  return {
    start: (chapter, _index, count) => {
      total = count
      running.set(chapter, { stage: 'starting', since: performance.now() })
      render()
    },
    stage: (chapter, stage) => {
      const entry = running.get(chapter)
      if (entry) entry.stage = stage
      render()
    },
    end: (chapter) => {
      running.delete(chapter)
      done += 1
      render()
    },
    line: (text, write) => {
      update.clear()
      if (write) write(text)
      else stream.write(`${text}\n`)
      render()
    },
    finish: () => {
      clearInterval(timer)
      update.clear()
      update.done()
    },
  }
}
