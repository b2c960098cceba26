# hw/: devices, host back-ends and machines
EMU_SRCS += $(wildcard hw/*.c)
# Host unit tests of the devices and back-ends (tests/unit/virtio_*.c, pl031*.c, block*.c, net*.c).
UNIT_TESTS += $(wildcard tests/unit/virtio_*.c tests/unit/pl031*.c tests/unit/block*.c tests/unit/net_*.c)
