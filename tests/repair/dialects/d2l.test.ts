import type { Code } from 'mdast'
import type { Math } from 'mdast-util-math'
import { toString } from 'mdast-util-to-string'
import { describe, expect, it } from 'vitest'
import { repair } from './helpers.js'

const chapter = [
  '# Descent',
  ':label:`sec_descent`',
  '',
  '$$w \\leftarrow w - \\eta g$$',
  ':eqlabel:`eq_step`',
  '',
  'In :eqref:`eq_step`, see :numref:`sec_descent` and :numref:`sec_other` :cite:`Robbins.Monro.ea.1951,Cauchy.1847`.',
  '',
  '```{.python .input}',
  'import mxnet',
  '```',
  '',
  '```{.python .input}',
  '#@tab pytorch',
  'import torch',
  '```',
  '',
  '```{.python .input}',
  '#@tab all',
  'def step(w):  #@save',
  '    return w',
  '```',
  '',
  ':begin_tab:`mxnet`',
  'MXNet text.',
  ':end_tab:',
  '',
  ':begin_tab:`pytorch`',
  'PyTorch text.',
  ':end_tab:',
  '',
].join('\n')

describe('d2lbook dialect', () => {
  it('resolves roles from the chapter\'s labels and numbers its equations', async () => {
    const { tree, find } = await repair(chapter)
    expect(tree.children.map((node) => toString(node))).toContain('In (1), see “Descent” and Section “other” (Robbins et al., 1951; Cauchy, 1847).')
    expect(find<Math>('math')[0].value).toMatch(/\\tag\{1\}$/)
    expect(toString(tree)).not.toMatch(/:label:|:eqlabel:|sec_descent/)
  })

  it("reads d2lbook's slide marks, (**words**) and [**words**], as the words", async () => {
    const { tree } = await repair('We (**implement our model**) with just a few lines, and [**train it**] next.\n', { dialect: 'd2l' })
    expect(toString(tree.children[0])).toBe('We implement our model with just a few lines, and train it next.')
  })

  it('keeps the first framework (untagged cells are its own), or the one --tab names', async () => {
    const first = await repair(chapter)
    expect(first.find<Code>('code').map((code) => [code.lang, code.value])).toEqual([['python', 'import mxnet'], ['python', 'def step(w):\n    return w']])
    expect(first.tree.children.map((node) => toString(node))).toContain('MXNet text.')
    const torch = await repair(chapter, { tab: 'pytorch' })
    expect(torch.find<Code>('code').map((code) => code.value)).toEqual(['import torch', 'def step(w):\n    return w'])
    expect(torch.tree.children.map((node) => toString(node))).toContain('PyTorch text.')
    expect(toString(torch.tree)).not.toMatch(/MXNet text|begin_tab/)
  })

  it('warns when --tab names a framework the chapter does not have', async () => {
    const { reasons, find } = await repair(chapter, { tab: 'jax' })
    expect(reasons.join('\n')).toMatch(/--tab jax is not a framework of this chapter \(pytorch, mxnet\); showing mxnet/)
    expect(find<Code>('code')).toHaveLength(2)
  })
})
