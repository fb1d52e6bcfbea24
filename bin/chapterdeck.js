#!/usr/bin/env node
import { main } from '../lib/bin/cli.js'

process.exitCode = await main(process.argv.slice(2))
// Done: Chromium's helper processes can hold the process's pipes open a while after the
// browser closed, and waiting for them only delays the exit. Pending output goes first.
process.stdout.write('', () => process.stderr.write('', () => process.exit()))
