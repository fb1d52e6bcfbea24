// marp-cli loads this file (--config-file) so its HTML uses the same engine options as our PDF.
import { Marp } from '@marp-team/marp-core'
import { engineOptions } from './engine.js'

export default {
  engine: (options: ConstructorParameters<typeof Marp>[0]) => new Marp({ ...options, ...engineOptions }),
}
