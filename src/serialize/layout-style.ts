/** Marp's built-in themes: the deck carries chapterdeck's layouts for them in its front matter. */
export const builtinThemes = ['default', 'gaia', 'uncover']

// The layouts of src/layout/ in each theme's own colours and sizes (themes/chapterdeck.css
// styles them its way). Set as Marp's `style` directive, so deck.md shows them in any Marp.
export const layoutStyle = `section.lead, section.quote { display: flex; flex-direction: column; justify-content: center; }
section.lead p { font-size: 1.4em; text-align: center; }
section.quote blockquote { font-size: 1.25em; }
section.columns ul:has(> li:nth-child(6)), section.columns ol:has(> li:nth-child(6)) { columns: 2; column-gap: 2em; }
section.columns li { break-inside: avoid; }
section.references ul { columns: 2; column-gap: 2em; font-size: 0.75em; }
section.references p { font-size: 0.75em; margin: 0.3em 0; }
section.split { display: block; }
section.split > p:has(> img:first-child) { float: right; width: 44%; margin: 0 0 0.5em 1em; text-align: center; font-size: 0.7em; }
section.split > p:has(> img:first-child) img { display: block; width: 100%; max-height: 60vh; object-fit: contain; }
section.image { display: flex; flex-direction: column; }
section.image > p:has(> img) { flex: 1 1 auto; min-height: 0; display: flex; flex-direction: column; align-items: center; }
section.image > p:has(> img) img { flex: 1 1 0; min-height: 0; max-height: 60vh; object-fit: contain; }
section.split > ul, section.split > ol, section.split > pre, section.split > blockquote, section.split > table { overflow: hidden; }`
