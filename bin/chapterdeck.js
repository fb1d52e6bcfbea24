#!/usr/bin/env node
import { runCommand } from '../lib/bin/cli.js'

await runCommand()
