"""CLI subcommands: each module has register(subparsers) and a handler."""
