#!/usr/bin/env node
import { main } from '../lib/bin/cli.js'

// A reader that stops early (`| head`) closes the pipe: what is left to print is dropped, and
// the build goes on to finish its outputs.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error
  })
}

process.exitCode = await main(process.argv.slice(2))
// Done: Chromium's helper processes can hold the process's pipes open a while after the
// browser closed, and waiting for them only delays the exit. Pending output goes first.
process.stdout.write('', () => process.stderr.write('', () => process.exit()))
