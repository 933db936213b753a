#!/bin/bash
# The real program under Xvfb + openbox, driven with xdotool, on a fresh XDG home with demo data:
# docs/screenshots/xvfb_shots.sh 1366x768 OUT_DIR  (SHOTS_DISPLAY=:N to pick a free display)
set -u
SIZE=$1; OUT=$2; mkdir -p "$OUT"
export DISPLAY=${SHOTS_DISPLAY:-:11}
Xvfb $DISPLAY -screen 0 ${SIZE}x24 -nolisten tcp >/dev/null 2>&1 & XPID=$!
sleep 1.5
HOME_DIR=$(mktemp -d "${TMPDIR:-/tmp}"/stpaul-shots-XXXX)
export XDG_DATA_HOME=$HOME_DIR/data XDG_CONFIG_HOME=$HOME_DIR/config XDG_CACHE_HOME=$HOME_DIR/cache
export STPAUL_FIELD_PASSPHRASE="captures d'écran à l'écran"
export STPAUL_FIELD_DATA_DIR=$HOME_DIR/stpaul
unset QT_QPA_PLATFORM
openbox >/dev/null 2>&1 & OPID=$!
sleep 1
cd "$(dirname "$0")/../.."
.venv/bin/python -m stpaul_field seed-demo --beneficiaries 600 --activities 900 >/dev/null 2>&1
.venv/bin/python -m stpaul_field > $HOME_DIR/app.log 2>&1 & APID=$!
sleep 6
shot() { import -window root "$OUT/$1.png"; }
# First start: the venue question. Pick the first venue and OK.
shot first-start-venue
xdotool key Return; sleep 1
xdotool key Escape; sleep 1
xdotool key ctrl+1 alt+q alt+m; sleep 2
for v in 1:agenda 2:register 3:activities 4:rapports 5:synchronisation; do
  n=${v%%:*}; name=${v#*:}
  xdotool key ctrl+$n; sleep 2.5; shot "$name"
done
xdotool key ctrl+1; sleep 1
xdotool key ctrl+n; sleep 2.5; shot accompaniment-form; xdotool key Escape; sleep 1
xdotool key ctrl+shift+n; sleep 2.5; shot workshop-form; xdotool key Escape; sleep 1
xdotool key ctrl+q; sleep 2
kill $APID $OPID $XPID 2>/dev/null
wait 2>/dev/null
echo done; tail -5 $HOME_DIR/app.log
