# SPDX-License-Identifier: MIT
# Images named on the command line are checked up front: one message, status 1.
. "$(dirname "$0")/common.bash"
expect 1 "-kernel: cannot open '/nonexistent/Image': No such file or directory" \
    -kernel /nonexistent/Image
expect 1 "-initrd: cannot open '/nonexistent/initrd.gz'" -kernel "$(kernel)" \
    -initrd /nonexistent/initrd.gz
expect 1 "-dtb: cannot open '/nonexistent/virt.dtb'" -dtb /nonexistent/virt.dtb
expect 1 "-kernel: '/' is a directory" -kernel /
expect 1 "-drive: cannot open '/nonexistent/disk.img'" -drive file=/nonexistent/disk.img,if=virtio
expect 1 "-D: cannot open log file '/nonexistent/dir/emu.log'" -kernel "$(kernel)" \
    -D /nonexistent/dir/emu.log
finish
