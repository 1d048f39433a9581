#!/bin/bash
# The bot-game counts of issue 10 (the real deals of 2017-2025 come up in play). For now: Shared
# Future, Beijing's May 2022 package tabled and refused by at least one island. Arguments go to
# bench/history.ts: --games N (default 20), --seed S, --bots LEVEL (default normal), --rounds R, --json.
cd "$(dirname "$0")/.." && exec node --import tsx bench/history.ts "$@"
