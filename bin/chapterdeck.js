#!/usr/bin/env node
import { main } from '../lib/bin/cli.js'

process.exitCode = await main(process.argv.slice(2))
