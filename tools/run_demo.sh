#!/usr/bin/env bash
# `make run`: a local central server on its embedded SQLite plus the desktop app as a demo post.
# Everything lives under var/demo/ (git-ignored); delete that folder to start from scratch.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV_BIN=.venv/bin
DEMO=${BORDER_DEMO_DIR:-var/demo}
POST_DIR=$DEMO/post
SERVER_DB="sqlite:///$(realpath -m "$DEMO")/server.db"
PORT=${BORDER_DEMO_PORT:-8765}
SERVER_URL="http://127.0.0.1:$PORT"
# Demo credentials only: they protect nothing but this machine's throw-away demo data.
DEMO_PASSWORD=${BORDER_DEMO_PASSWORD:-demo-post-2026}
mkdir -p "$DEMO"

if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
    cat >&2 <<MSG
No display found (DISPLAY and WAYLAND_DISPLAY are unset), so the desktop app cannot open a window.
Run it on a virtual display instead:
    xvfb-run -a make run
or render offscreen (no window, for checks and screenshots):
    QT_QPA_PLATFORM=offscreen make run
MSG
    exit 1
fi

echo "Starting the central sync server on $SERVER_URL (database $DEMO/server.db)"
"$VENV_BIN/sync-server" --db "$SERVER_DB" serve --host 127.0.0.1 --port "$PORT" >"$DEMO/server.log" 2>&1 &
SERVER_PID=$!
trap 'kill $SERVER_PID 2>/dev/null || true; wait $SERVER_PID 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do
    if "$VENV_BIN/python" -c "import sys,urllib.request; urllib.request.urlopen(sys.argv[1], timeout=1)" \
        "$SERVER_URL/api/v1/health" >/dev/null 2>&1; then
        break
    fi
    if ! kill -0 $SERVER_PID 2>/dev/null; then
        echo "The sync server did not start; see $DEMO/server.log" >&2
        exit 1
    fi
    sleep 0.2
done

if [ ! -f "$DEMO/.console-user" ]; then
    printf '%s\n' "$DEMO_PASSWORD" | "$VENV_BIN/sync-server" --db "$SERVER_DB" user add central --role admin \
        --password-stdin >/dev/null && touch "$DEMO/.console-user"
fi

if [ ! -f "$POST_DIR/keyslots.json" ]; then
    echo "Setting up the demo post HTI-CAP in $POST_DIR"
    mkdir -p "$POST_DIR"
    printf '%s\n' "$DEMO_PASSWORD" | "$VENV_BIN/border-client" --data-dir "$POST_DIR" init \
        --post-code HTI-CAP --post-name "Cap-Haïtien" --admin admin --password-stdin >"$DEMO/recovery-key.txt"
    for role in supervisor inspector; do
        printf '%s\n%s\n' "$DEMO_PASSWORD" "$DEMO_PASSWORD" | "$VENV_BIN/border-client" --data-dir "$POST_DIR" \
            user add "$role" --role "$role" --user admin --password-stdin >/dev/null
    done
    "$VENV_BIN/sync-server" --db "$SERVER_DB" watchlist import assets/demo/watchlist.csv >/dev/null
    "$VENV_BIN/sync-server" --db "$SERVER_DB" watchlist publish >/dev/null
    TOKEN=$("$VENV_BIN/sync-server" --db "$SERVER_DB" enroll --post HTI-CAP --name "Cap-Haïtien" --json |
        "$VENV_BIN/python" -c "import json,sys; print(json.load(sys.stdin)['token'])")
    printf '%s\n' "$DEMO_PASSWORD" | "$VENV_BIN/border-client" --data-dir "$POST_DIR" enroll \
        --server "$SERVER_URL" --token "$TOKEN" --user admin --password-stdin >/dev/null
    printf '%s\n' "$DEMO_PASSWORD" | "$VENV_BIN/border-client" --data-dir "$POST_DIR" sync --once \
        --user admin --password-stdin >/dev/null || true
fi

cat <<MSG

Demo post HTI-CAP (Cap-Haïtien) is ready.
  Desktop app users: admin, supervisor, inspector — password: $DEMO_PASSWORD
  Central console:   $SERVER_URL/  user: central — password: $DEMO_PASSWORD
  Try it: open a passport image (Ctrl+O; ../shared/data/mrz-real/images when present), or type
  the ICAO specimen MRZ (document L898902C3, UTO), which the demo watchlist lists as lost.
  Recovery key of the demo store: $DEMO/recovery-key.txt

MSG
"$VENV_BIN/border-client" --data-dir "$POST_DIR"
