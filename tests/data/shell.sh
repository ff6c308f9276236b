# Read by tests/user/shell.c through "bin/sh tests/data/shell.sh".
false
echo status=$?
false
echo 'single $?' "double $?"
cat < tests/data/hello.txt
echo dropped > /dev/null
echo after=$?
cat < tests/data/no-such-file
echo missing=$?
