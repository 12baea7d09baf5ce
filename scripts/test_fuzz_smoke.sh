#!/usr/bin/env bash
# 30 s per fuzz target (CI).
exec bash "$(dirname "$0")/fuzz.sh" 30
