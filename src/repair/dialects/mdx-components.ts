import type { Code, Heading, List, Paragraph, PhrasingContent, Root, RootContent } from 'mdast'
import type { VFile } from 'vfile'
import { spoken } from '../../util/spoken.js'
import { callout } from '../callouts.js'
import { isFrame, type Frame, type Item } from './blocks.js'
import { addAside, guess, type Tally } from './dialect.js'
import type { JsxTag } from './jsx-tags.js'

export interface ComponentContext {
  file: VFile
  tally: Tally
  /** The depth of the chapter's sections, for the headings components become. */
  depth: number
  /** Whether the chapter has headings one level under its sections (its slides, then). */
  deeper: boolean
}

type Render = (frame: Frame<JsxTag>, body: RootContent[], context: ComponentContext, before: RootContent[]) => RootContent[]

const unwrap: Render = (_tag, body) => body
const drop: Render = () => []
const titled =
  (title: string): Render =>
  (frame, body, { depth }) => [heading(depth, title, frame), ...body]
const note =
  (title: string): Render =>
  (frame, body) =>
    callout(typeof frame.open.attributes.title === 'string' ? `${title}: ${frame.open.attributes.title}` : title, body, frame.at)
const toNotes =
  (label: string): Render =>
  (_tag, body, _context, before) => {
    const words = `${label}: ${spoken({ type: 'root', children: body } as Root)}`
    const last = before[before.length - 1]
    if (last) addAside(last, words)
    return last ? [] : [{ type: 'paragraph', children: [{ type: 'text', value: words }] }]
  }

// What the components of react.dev and Docusaurus mean on a slide. Layout wrappers unwrap;
// widgets with nothing to show go; callouts, recaps and challenges become what they are.
const components: Record<string, Render> = {
  Intro: unwrap,
  FullWidth: unwrap,
  CodeDiagram: unwrap,
  DiagramGroup: unwrap,
  IllustrationBlock: unwrap,
  LearnMore: unwrap,
  Diagram: unwrap,
  Tabs: unwrap,
  BrowserWindow: unwrap,
  CodeStep: unwrap,
  MathI: unwrap,
  Math: unwrap,
  Recipes: unwrap,
  InlineToc: drop,
  DocCardList: drop,
  TOCInline: drop,
  YouWillLearn: titled('You will learn'),
  Recap: titled('Recap'),
  Note: note('Note'),
  Pitfall: note('Pitfall'),
  Wip: note('Under construction'),
  Canary: note('Canary'),
  Deprecated: note('Deprecated'),
  Admonition: ({ open, at }, body) => callout(titleCase(String(open.attributes.type ?? 'note')) + (typeof open.attributes.title === 'string' ? `: ${open.attributes.title}` : ''), body, at),
  DeepDive: deepDive,
  Sandpack: sandpack,
  SandpackWithHTMLOutput: sandpack,
  TabItem: ({ open }, body) => [bold(String(open.attributes.label ?? open.attributes.value ?? 'Tab')), ...body],
  ConsoleBlock: (_tag, body) => [code('text', spoken({ type: 'root', children: body } as Root))],
  ConsoleBlockMulti: unwrap,
  ConsoleLogLine: (_tag, body) => [code('text', spoken({ type: 'root', children: body } as Root))],
  TerminalBlock: (_tag, body) => [code('sh', spoken({ type: 'root', children: body } as Root))],
  CodeBlock: ({ open }, body) => [code(String(open.attributes.language ?? ''), spoken({ type: 'root', children: body } as Root))],
  Illustration: ({ open }) => (typeof open.attributes.src === 'string' ? [{ type: 'paragraph', children: [{ type: 'image', url: open.attributes.src, alt: String(open.attributes.alt ?? open.attributes.caption ?? '') }] }] : []),
  Challenges: challenges,
  Solution: toNotes('Solution'),
  Hint: toNotes('Hint'),
}

/** Frames rendered as their components mean, inner ones first. */
export function renderComponents(items: Item<JsxTag>[], context: ComponentContext): RootContent[] {
  const out: RootContent[] = []
  for (const item of items) {
    if (!isFrame(item)) {
      out.push(item)
      continue
    }
    const body = renderComponents(item.children, context)
    const render: Render | undefined = Object.hasOwn(components, item.name) ? components[item.name] : undefined
    if (render) context.tally.add(`MDX: <${item.name}> components read as what they show`, item.at.position)
    else guess(context.file, 'mdx-component', `MDX: unknown component <${item.name}> unwrapped, keeping what it holds`, item.at.position)
    if (!item.closed) guess(context.file, 'mdx-component', `MDX: <${item.name}> is never closed; read up to the end of its section`, item.at.position)
    out.push(...(render ?? unwrap)(item, body, context, out))
  }
  return out
}

/** `<DeepDive>` opens with its own heading: the callout's title. */
function deepDive(frame: Frame<JsxTag>, body: RootContent[]): RootContent[] {
  const first = body[0]
  const title = first?.type === 'heading' ? spoken(first) : ''
  return callout(title ? `Deep dive: ${title}` : 'Deep dive', first?.type === 'heading' ? body.slice(1) : body, frame.at)
}

/** A sandbox shows its code; its style sheets are the page's business. */
function sandpack(frame: Frame<JsxTag>, body: RootContent[], { tally }: ComponentContext): RootContent[] {
  const kept = body.filter((node) => node.type !== 'code' || !/^(?:css|scss|less)$/i.test(node.lang ?? ''))
  if (kept.length < body.length) tally.add("MDX: a <Sandpack>'s CSS files left out", frame.at.position)
  return kept
}

/**
 * `<Challenges>`: a part of its own, each challenge on its slide under its own heading (one
 * level under the part where the chapter's slides are, else beside it after a list of them),
 * hints and solutions in the notes.
 */
function challenges(frame: Frame<JsxTag>, body: RootContent[], { depth, deeper }: ComponentContext): RootContent[] {
  const headings = body.filter((node): node is Heading => node.type === 'heading')
  const top = Math.min(...headings.map((node) => node.depth))
  const titles = headings.filter((node) => node.depth === top)
  titles.forEach((node, index) => {
    node.children = [{ type: 'text', value: `Challenge ${index + 1} of ${titles.length}: ` }, ...node.children]
  })
  const level = deeper ? depth + 1 : depth
  for (const node of headings) node.depth = Math.min(6, level + node.depth - top) as Heading['depth']
  const list: List = {
    type: 'list',
    ordered: true,
    spread: false,
    children: titles.map((node) => ({ type: 'listItem', spread: false, children: [{ type: 'paragraph', children: node.children.slice(1) }] })),
  }
  return [heading(depth, 'Challenges', frame), ...(deeper || !titles.length ? [] : [list]), ...body]
}

function heading(depth: number, text: string, frame: Frame<JsxTag>): Heading {
  return { type: 'heading', depth: Math.min(6, Math.max(1, depth)) as Heading['depth'], children: [{ type: 'text', value: text }], position: frame.at.position }
}

function bold(text: string): Paragraph {
  const children: PhrasingContent[] = [{ type: 'strong', children: [{ type: 'text', value: text }] }]
  return { type: 'paragraph', children }
}

function code(lang: string, value: string): Code {
  return { type: 'code', lang: lang || null, meta: null, value }
}

function titleCase(text: string): string {
  return text ? text[0].toUpperCase() + text.slice(1) : text
}
