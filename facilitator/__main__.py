"""Lets `python -m facilitator` run the command line."""

from facilitator.cli import main

raise SystemExit(main())
