import type { Paragraph } from 'mdast'
import { toString } from 'mdast-util-to-string'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { describe, expect, it } from 'vitest'
import { bulletOfPhrasing, createCondenser } from '../../src/condense/bullet.js'
import { danglingWords } from '../../src/condense/rules.js'

const paragraph = (markdown: string) => unified().use(remarkParse).parse(markdown).children[0] as Paragraph

/** The bullet chapterdeck makes of one paragraph, as text and as Markdown nodes. */
function bullet(markdown: string, lang = 'en') {
  const node = paragraph(markdown)
  const condenser = createCondenser([toString(node)], lang)
  const children = bulletOfPhrasing(node.children, condenser)
  return { text: toString({ type: 'paragraph', children }), children }
}

const words = (text: string) => text.split(/\s+/).filter(Boolean).length

describe('English bullets', () => {
  it('drop openers and hedges, and keep a short sentence whole', () => {
    expect(bullet('Of course you can always roll your own and use the public cloud providers.').text).toBe('You can always roll your own and use the public cloud providers')
    expect(bullet('In addition Kubernetes makes inroads in the edge too, with custom distributions that expand even more its broad applicability.').text).toBe('Kubernetes makes inroads in the edge too, with custom distributions')
  })

  it('come from the sentence that carries the paragraph, not always the first', () => {
    const text = bullet('When technologies start to offer certification programs you can tell they are here to stay. The CNCF offers several types of certifications.').text
    expect(text).toBe('The CNCF offers several types of certifications')
  })

  it('come from a sentence that says something rather than one that announces it', () => {
    expect(bullet('Let\'s briefly go back to the final two example programs. The first is self contained and six lines long.').text).toBe('The first is self contained and six lines long')
  })

  it('drop asides in parentheses and trailing clauses to fit about 12 words', () => {
    const { text } = bullet('The CNCF (Cloud Native Computing Foundation) has become a very important organization in the cloud computing scene, which few expected when it started.')
    expect(text).toBe('The CNCF has become an important organization in the cloud computing scene')
  })

  it('never keep a fronted clause without its main clause, nor cut inside a list', () => {
    expect(bullet('In cases where only minimal resources are available, or if Chrome is unable to run multiple processes, it can also switch to use a single-process model.').text).not.toBe('In cases where only minimal resources are available')
    expect(bullet('The first time you load your browser, it knows little about your favorite sites or navigation patterns and all the things you do.').text).toMatch(/it knows little about your favorite sites/)
    expect(bullet('Even with all the pieces of the application being co-located in a single file, some mechanism is necessary for each piece to register a name.').text).not.toMatch(/^Even with/)
    expect(bullet('To most users and even web developers, the DNS, TCP, and SSL delays are entirely transparent and are negotiated at network layers to which few of us descend or think about.').text).toBe('The DNS, TCP, and SSL delays are entirely transparent')
  })

  it('read "First off" and "Now that" as what they are, and an em dash as a clause boundary', () => {
    expect(bullet('What about it? First off, Chrome uses the same network stack on Android and iOS as it does on all other versions.').text).toBe('Chrome uses the same network stack on Android and iOS')
    expect(bullet('Now that we have identified the problem, let us dive into the implementation details of the whole thing.').text).not.toMatch(/^That /)
    expect(bullet('Chrome reuses the open connections it keeps for each host—sockets are pooled by host and by port, which saves a round trip.').text).toBe('Chrome reuses the open connections it keeps for each host')
  })

  it('keep the clause after "It\'s no surprise … that", never past a denial, and read a short aside\'s "!" as inside the sentence', () => {
    expect(bullet("It's likely no surprise to readers that most applications are composed of multiple (or many!) individual JS files.").text).toBe('Most applications are composed of multiple (or many!) individual JS files')
    expect(bullet('It is not true that most applications are composed of multiple individual JS files in folders.').text).toMatch(/^It is not true that/)
  })

  it('never end on an open comparison or quantity, nor before a dropped "of"', () => {
    for (const sentence of ['The global scope behavior we are seeing here is about as pure as it gets for JS programs running in the wild today.', 'Most real applications written by teams today are composed of multiple individual JS files.']) {
      const { text } = bullet(sentence)
      expect(text).not.toMatch(/\b(?:as pure|multiple|composed)$/)
    }
  })

  it('keep a subject whole where a pronoun or an article opens it, and a clause after "Just like …," or "Alternatively,"', () => {
    expect(bullet('The real reason I bring up arrow functions is because of the common but incorrect claim that arrow functions behave differently with respect to lexical scope.').text).toMatch(/^The real reason I bring up arrow functions is/)
    expect(bullet('The "rule" of the hoisting metaphor is that function declarations get hoisted first, then variables immediately after all the functions.').text).toMatch(/of the hoisting metaphor is/)
    expect(bullet("Just like the let variant of this program we saw earlier, const is being run exactly once within each loop iteration, so it's safe.").text).not.toMatch(/^(Just )?Like/)
    expect(bullet('Alternatively, if there is no good match, or if the document is not yet parsed, the browser waits for it to complete.').text).not.toMatch(/^Alternatively/)
  })

  it('never end inside a relative clause with no main verb, after "when used", or on "as soon"', () => {
    expect(bullet('The Blink document parser, which runs in the render process, scans the document for resources and schedules them before layout.').text).not.toBe('The Blink document parser, which runs in the render process')
    expect(bullet('Both hints, when used well and in the right context, can have a significant impact on the perceived performance of a page.').text).toContain('can have a significant impact')
    expect(bullet('The critical resources are fetched with high priority as soon as possible by the network stack in the browser process.').text).not.toMatch(/as soon$/)
  })

  it('read "In addition to …" as a phrase, not the marker, and keep the clause after it', () => {
    expect(bullet("In addition to (potentially) accounting for where an application's code resides during run-time, and how each piece is able to access the other pieces to cooperate, the global scope is also where JS exposes its built-ins.").text).toBe('The global scope is also where JS exposes its built-ins')
  })

  it('never end on an adverb whose phrase was cut, or on a verb whose object an inserted phrase delays', () => {
    expect(bullet('Fortunately, JavaScript provides a data type specifically for storing sequences of values, and it is called an array.').text).not.toMatch(/specifically$/)
    expect(bullet('Both string and array objects contain, in addition to the length property, a number of properties that hold function values.').text).not.toMatch(/contain$/)
  })

  it('read an opening "To see …," as a purpose phrase: never a subject to shorten, never a bullet without its clause', () => {
    const text = bullet('To see the hosts for which a TCP pre-connect has been triggered, open a new tab and visit `chrome://dns`.').text
    expect(text).not.toMatch(/hosts for been/)
    expect(text).toMatch(/open a new tab/)
    // Without a comma, the sentence keeps its clause ("To address this risk VMs were designed …").
    expect(bullet('To address this risk multiple lightweight VMs were designed to add a hypervisor as an additional isolation level between the container and the OS kernel.').text).toMatch(/^To address this risk multiple lightweight VMs were designed/)
  })

  it('never cut an object from the complement after it ("prove me | wrong")', () => {
    expect(bullet('Oh! So does this `another` technique prove me wrong in my above claim of the `special` parameter being "completely inaccessible" from inside `keepLooking()`?').text).not.toMatch(/prove me$/)
  })

  it('find the main clause after an opening "When …" written without a comma', () => {
    const text = bullet('When you look to extend your Kubernetes solution with additional technologies and tools the CNCF projects are a good place to start.').text
    expect(text).toBe('The CNCF projects are a good place to start')
  })

  it('never end on the subject after "Here, since …,", its verb cut', () => {
    expect(bullet('Here, since there is no surrounding function scope, these `moduleOne` and `moduleTwo` declarations are simply processed in the global scope.').text).not.toMatch(/`moduleOne`$/)
  })

  it('read "research paints a picture" with its verb, where the tagger saw a noun', () => {
    expect(bullet('Past user experience research paints a consistent picture of what we, as users, expect in terms of responsiveness of any application, both offline and online.').text).toMatch(/^Past user experience research paints a consistent picture/)
  })

  it('keep a negation: "not just here to stay" never becomes "not here to stay"', () => {
    expect(bullet('You should be confident that Kubernetes is not just here to stay.').text).toContain('not just here to stay')
  })

  it('never take a complement a word needs: "used to …", "makes X … more difficult", "cause X to be …", "described as …"', () => {
    expect(bullet('While simple problems like linear regression may admit analytic solutions, you should not get used to such good fortune.').text).toBe('You should not get used to such good fortune')
    expect(bullet('Generally, you should try to avoid file-based caching, as it makes cloning and auto-scaling more difficult.').text).not.toMatch(/cloning$/)
    expect(bullet('`myst_dmath_allow_digits=False`, will cause inline math to only be parsed if there are no initial / final digits.').text).toMatch(/to only be parsed/)
    expect(bullet('Related to this discussion are microservices, which can be described as a suite of independently deployable, small, modular services.').text).not.toMatch(/described$/)
  })

  it('never close a gap on a word that governs what follows it, nor open on a relative word', () => {
    expect(bullet('Some build systems use a "header scanner" to extract these dependencies at build time, but this approach can be slow and is difficult to make exactly correct in the presence of #ifdef directives.').text).toBe('Some build systems use a "header scanner" to extract these dependencies at build time')
    expect(bullet('Related to this discussion are microservices, which can be described as a suite of independently deployable, small, modular services.').text).not.toMatch(/^Which/)
  })

  it('read a gerund as a subject, brackets against a word as notation, and a compound modifier as one', () => {
    expect(bullet('Caching improves page load times and can reduce the load on your servers and databases.').text).toMatch(/^Caching improves page load times/)
    expect(bullet('A key-value store generally allows for O(1) reads and writes and is often backed by memory or SSD.').text).toBe('A key-value store generally allows for O(1) reads and writes')
    expect(bullet('Each service runs a unique process and communicates through a well-defined, lightweight mechanism to serve a business goal.').text).not.toMatch(/well-defined$/)
  })

  it('never cut inside a list, nor strand or take away the preposition a passive clause ends on', () => {
    expect(bullet('Shortcodes can accept named arguments, positional arguments, or both, but you must use either named or positional arguments exclusively within a single shortcode call; mixing them is not allowed.').text).toBe('Shortcodes can accept named arguments, positional arguments, or both')
    expect(bullet("Each marble (variable/identifier) is colored based on which bubble (bucket) it's declared in, not the color of the scope it may be accessed from.").text).not.toMatch(/declared$|accessed$/)
  })

  it('keep "rather than", "something like", a question word\'s clause, a quotation\'s verb, and a second clause whole', () => {
    expect(bullet('Call `controller.pause()` and `controller.resume()` to apply backpressure rather than returning false from a handler.').text).toMatch(/rather than/)
    expect(bullet('There is a built-in array method, `forEach`, that provides something like a `for`/`of` loop as a higher-order function.').text).not.toMatch(/something$/)
    expect(bullet('One interesting use of this dataset would be figuring out what script a piece of text is using.').text).not.toMatch(/what script$/)
    expect(bullet('As the JS engine processes a program, and finds a declaration for a variable, it essentially asks, "Which color scope am I currently in?"').text).not.toMatch(/asks$/)
    expect(bullet('In simpler examples, it’s usually easier to go top-down, and on larger projects, it’s easier to go bottom-up.').text).not.toMatch(/projects$/)
  })

  it('never leave "almost" without its hedge, "between" with one side, or a second clause without its verb', () => {
    expect(bullet('For example, the Council will almost certainly also want a mechanism for quick decision-making on a subset of operational decisions.').text).not.toMatch(/almost also/)
    expect(bullet('This RFC also establishes mechanisms for oversight and accountability between the Council as a whole, individual Council members, the moderation team, and the Project teams.').text).not.toMatch(/between the Council$/)
    expect(bullet('The need for contingent moderators arises in a high-tension situation, and the Project and Council must be prepared to trust them to step into that situation.').text).not.toMatch(/and the Project$/)
  })

  it('keep both parts of "either … or", what is not clear, and a list of verbs whole', () => {
    expect(bullet('The removed representatives and moderators may not serve on either the Council or the moderation team for at least one year.').text).toMatch(/either the Council or the moderation team/)
    expect(bullet("It's not clear at this stage if Kubernetes and the service mesh will be hidden behind a simpler abstraction on most platforms or if they will be front and center.").text).not.toMatch(/stage$/)
    expect(bullet('The Council and moderation team should then engage with each other, discuss and understand these concerns, and work to address them.').text).not.toMatch(/discuss$/)
  })

  it('say what "the reason … is that" names, and drop a bracket with a pair inside it whole', () => {
    expect(bullet('A final reason Rust doesn’t allow us to index into a String to get a character is that indexing operations are expected to always take constant time (O(1)).').text).toBe('Indexing operations are expected to always take constant time')
  })

  it('prefer a whole clause a little over the target to a headline', () => {
    expect(bullet('The first thing Compiler will do with this program is perform lexing to break it down into tokens, which it will then parse into a tree.').text).toMatch(/^The first thing Compiler will do/)
  })

  it('drop a purpose infinitive after an object, but not one a verb or noun needs', () => {
    expect(bullet('Some document stores like MongoDB and CouchDB also provide a SQL-like language to perform complex queries.').text).toBe('Some document stores like MongoDB and CouchDB also provide a SQL-like language')
    expect(bullet("Ninja's build file language is therefore simple to the point of being inconvenient for humans to write.").text).toMatch(/for humans to write$/)
    expect(bullet('If you have page snippets that you use repeatedly across your site, an include is the perfect way to make this more maintainable.').text).toMatch(/way to make this more maintainable$/)
  })

  it('keep inline code and links whole', () => {
    const { children } = bullet('Run `kubectl apply -f deploy.yaml` to roll out the [deployment](https://k8s.io/docs) described in the file, which takes a few seconds on most clusters.')
    expect(children.some((node) => node.type === 'inlineCode' && node.value === 'kubectl apply -f deploy.yaml')).toBe(true)
    expect(children.some((node) => node.type === 'link' && toString(node) === 'deployment')).toBe(true)
  })

  it('never end in an ellipsis, a colon or a function word, on sentences from real chapters', () => {
    const sentences = [
      'Here you can find Kubernetes distributions that are designed or configured to run in special environments, often in your own data centers as a private cloud or in more restricted environments like edge computing on small devices.',
      'Figure 2 helps visualize the boundaries of the scopes by drawing colored bubbles (aka, buckets) around each:',
      'Bubble 1 (RED) encompasses the global scope, which holds three identifiers/variables: students (line 1), getStudentName (line 8), and nextStudent (line 16).',
      'If so, Compiler would ignore this declaration and move on.',
      'The number of tools to manage containers and clusters, the various addons, extensions and plugins just keeps growing and growing.',
      "It's not clear at this stage if Kubernetes and the service mesh will be hidden behind a simpler abstraction on most platforms or if they will be front and center.",
    ]
    for (const sentence of sentences) {
      const { text } = bullet(sentence)
      const last = text.split(/\s+/).pop()!.toLowerCase()
      expect(text, sentence).not.toMatch(/(…|\.\.\.|[:;,(])$/)
      expect(danglingWords.has(last), `${text} ends on "${last}"`).toBe(false)
      // Up to 8 words over the target: a whole clause beats a cut that loses what it says.
      expect(words(text), text).toBeLessThanOrEqual(20)
    }
  })

  it('read "Node.js" and "client-side" as one word each, never a sentence end or a place to cut', () => {
    const dotted = bullet('The initial rewrite went smoothly because both Feersum and Node.js are based on the same libev event model, and Pocket.io matches Socket.io closely.').text
    expect(dotted).not.toMatch(/^(Js|Io)\b/)
    expect(dotted).toMatch(/^The initial rewrite went smoothly/)
    const hyphened = bullet("Subsequently, we continued the work to reduce client-side CPU use and minimize bandwidth use by tracking each session's ongoing state with server-side SocialCalc spreadsheets.").text
    expect(hyphened).toBe('We continued the work to reduce client-side CPU use and minimize bandwidth use')
  })

  it('keep "one or more" with its noun and cut a trailing phrase after the object', () => {
    expect(bullet('The syntax of a `while` expression is a sequence of one or more condition operands separated by `&&`.').text).toBe('The syntax of a while expression is a sequence of one or more condition operands')
    const trailing = bullet("Behind-the-firewall deployment means that we can't simply throw hardware at the problem in the same way multi-tenant, hosted-only systems did (e.g., DocVerse, which later became part of Google Docs); we can assume only a modest amount of server capacity.").text
    expect(trailing).toMatch(/^Behind-the-firewall deployment means that we can't simply throw hardware/)
  })

  it('drop the phrases in front of the subject, never the subject', () => {
    const invited = bullet('In April 2012, after delivering a talk on EtherCalc at the OSDC.tw conference, I was invited by Trend Micro to participate in their hackathon, adapting EtherCalc into a programmable visualization engine for their real-time web traffic monitoring system.').text
    expect(invited).toMatch(/^I was invited by Trend Micro to participate in their hackathon/)
    const stack = bullet('On a typical Intel Core i5 CPU in 2011, the original Feersum stack handled 5000 requests per second, while Express on Node.js maxed out at 2800 requests per second.').text
    expect(stack).not.toMatch(/2011 stack/)
  })

  it('read an imperative as a clause, and never end on a contrast cut short (", not")', () => {
    expect(bullet('If you use ESLint, make sure lint-staged runs it before Prettier, not after.').text).toBe('If you use ESLint, make sure lint-staged runs it before Prettier')
  })

  it('keep a sentence that already fits as written when the tagger finds no clause in it, and a bracket after a preposition', () => {
    expect(bullet('All except labelled block expressions support [`continue` expressions](#continue-expressions).').text).toBe('All except labelled block expressions support continue expressions')
    expect(bullet('In (1) the learning rate sets the step size.').text).toBe('In (1) the learning rate sets the step size')
  })

  it('read a paragraph written in brackets as its sentence, never an empty bullet', () => {
    const text = bullet('(See [Prettier vs. Linters](comparison.md) to learn more about formatting vs linting, [Integrating with Linters](integrating-with-linters.md) for more in-depth information on configuring your linters, and [Related projects](related-projects.md) for even more integration possibilities, if needed.)').text
    expect(text).toBe('See Prettier vs. Linters to learn more about formatting vs linting')
  })

  it('keep the main clause, never only the clauses that lead into it or hang off its subject', () => {
    expect(bullet('After sorting, when you later need a green marble, you already know the green bucket is where to go to get it.').text).toMatch(/you already know/)
    expect(bullet('Any variable reference that appears in the scope where it was declared, or appears in any deeper nested scopes, will be labeled a marble of that same color.').text).toMatch(/will be labeled/)
    expect(bullet('At the beginning of a scope, if any identifier came from a `function` declaration, that variable is automatically initialized to its associated function reference.').text).toMatch(/initialized/)
    expect(bullet('As the contingent moderator role does not have any regular required activities outside of exceptional situations, those appointed to that role must have regular check-ins.').text).not.toMatch(/activities$/)
    // A list item written as a phrase keeps its relative clause: it never had a main one.
    expect(bullet('Having confirmation that at least N-2 Council representatives (where N is the total number of Council representatives) have fully reviewed the final proposal and give their consent.').text).not.toMatch(/confirmation reviewed/)
  })

  it('never drop a clause\'s opening word and keep its verb', () => {
    const myst = bullet('When building HTML using the mathjax extension (enabled by default), If `dollarmath` is enabled, Myst-Parser injects the `tex2jax_ignore` and `mathjax_ignore` classes in to the top-level section of each MyST document.').text
    expect(myst).not.toMatch(/HTML is enabled/)
    expect(bullet('The attributes that have meaning on a statement are `cfg`, and the lint check attributes.').text).not.toMatch(/attributes meaning/)
  })

  it('never cut a particle, a complement clause or a second object from its verb', () => {
    expect(bullet('In the `for (let student of students) {` statement, `students` is a *source* reference that must be looked up.').text).not.toMatch(/looked$/)
    expect(bullet('Imagine you come across a pile of marbles, and notice that all the marbles are colored red, blue, or green.').text).not.toMatch(/notice$/)
    expect(bullet('Applying the associative property gives us this flexibility and peace of mind that the result will be equivalent.').text).not.toMatch(/gives us$/)
    expect(bullet("You resolve a *target* or *source* variable reference by first looking on the current floor, and if you don't find it, taking the elevator to the next floor.").text).not.toMatch(/looking$/)
    expect(bullet('To ensure memory safety, after the line `let s2 = s1;`, Rust considers `s1` as no longer valid.').text).not.toMatch(/considers s1$/)
    expect(bullet('You will get an error like this because Rust prevents you from using the invalidated reference.').text).not.toMatch(/prevents you$/)
    expect(bullet('Note that all decisions fall into this category unless explicitly designated (via this RFC or future public proposals) to fall into another category, so this list is intentionally vague.').text).toMatch(/^All decisions fall into this category/)
  })

  it('fall back to a headline of the weightiest noun phrase when no cut reads as a whole', () => {
    const { text } = bullet('Dynamic, scalable, resilient and observable distributed data processing pipelines for near real time analytics across many regions and clouds.')
    expect(words(text)).toBeGreaterThanOrEqual(3)
    expect(words(text)).toBeLessThanOrEqual(12)
    expect(text).not.toMatch(/…$/)
  })
})

describe('bullets in other languages', () => {
  it('cut only at a clause boundary, with no ellipsis', () => {
    const { text } = bullet('Wenn Sie eine größere Anwendung oder eine Web-API erstellen, legen Sie selten alles in eine einzige Datei, sondern verteilen den Code auf mehrere Module und Pakete.', 'de')
    expect(text).toBe('Wenn Sie eine größere Anwendung oder eine Web-API erstellen')
  })

  it('keep CJK bullets within a character budget, cut at 、 in Japanese only where a clause ends', () => {
    const ja = bullet('でも、これでは、大袈裟すぎますし、ありふれているはずの概念に対して、作業量が多すぎて、とても煩わしいことになってしまいます。', 'ja').text
    expect(ja).toBe('でも、これでは、大袈裟すぎますし')
    // A topic ("…は"), a condition ("…時") or a te-form ("…において") only opens the clause after it.
    for (const sentence of ['全てのプログラムは、実行中にコンピュータのメモリの使用方法を管理する必要がありますし、それはとても大切なことだと思われます。', '所有権を理解した時、Rustを際立たせる機能の理解に対する強固な礎を得ることになるでしょう。']) {
      expect(bullet(sentence, 'ja').text).not.toMatch(/(?:は|時|において|[…、，。])$/)
    }
    // Chinese: a clause opened by "由于…" or closed by "…时" leads into the one after the comma.
    for (const sentence of ['由于深度学习框架中的优化求解器早已构建了动量法，设置匹配参数会产生非常类似的轨迹，这一点在下面的实验中可以清楚地看到。', '当我们将动量超参数增加到0.9时，它相当于有效样本数量增加到十个，因此我们把学习率略微降低以确保训练过程可控。']) {
      expect(bullet(sentence, 'zh').text).not.toMatch(/^(?:由于|当)[^，]*$/)
    }
    const zh = bullet('所有权是 Rust 最为与众不同的特性，它让 Rust 无需垃圾回收即可保障内存安全，因此理解它非常重要而且需要很多时间和练习才能掌握。', 'zh').text
    expect(zh.length).toBeLessThan(48)
    expect(zh).not.toMatch(/[…，。]$/)
  })
})
