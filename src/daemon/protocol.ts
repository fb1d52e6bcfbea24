// The build daemon's protocol: one JSON object per line, each way, over a Unix socket.

export type ClientMessage =
  | {
      type: 'build'
      argv: string[]
      cwd: string
      /** The command's terminal, when it shows the live display there. */
      live?: { columns: number; rows: number }
      color: boolean
    }
  | { type: 'interrupt' }
  | { type: 'status' }
  | { type: 'stop' }

export type DaemonMessage =
  | { type: 'out' | 'err'; text: string }
  /** Raw output of the live display, for the command's terminal. */
  | { type: 'live'; data: string }
  | { type: 'exit'; code: number }
  /** Another build is running: the command builds on its own. */
  | { type: 'busy' }
  | { type: 'status'; pid: number; builds: number; since: number; busy: boolean }
