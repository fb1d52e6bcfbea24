// The command as bin/chapterdeck.js runs it, from the sources (see helpers/cli.ts).
import { runCommand } from '../../src/cli.js'

await runCommand()
