# Read by tests/user/shell.c through "bin/sh tests/data/jobs.sh": jobs without a terminal.
sleep 1 &
jobs
fg
echo fg=$?
# The failing job is a pipeline that lasts a second, so it still runs when fg asks for it.
sleep 1 | false &
fg %1
echo fg_false=$?
bg
echo bg_none=$?
fg 7
echo fg_bad=$?
