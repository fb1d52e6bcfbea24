/** Outputs a build can write; md and report.json are always written. */
export const allFormats = ['md', 'html', 'pdf', 'handout', 'notes', 'pptx', 'png'] as const
export type Format = (typeof allFormats)[number]
/** What `build` writes unless told otherwise. */
export const defaultFormats: Format[] = ['md', 'html', 'pdf', 'handout', 'notes']
/** Outputs only a browser can make. */
export const browserFormats: readonly Format[] = ['pdf', 'handout', 'pptx', 'png']
