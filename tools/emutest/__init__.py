# SPDX-License-Identifier: MIT
"""Shared test-running code of tools/run-tests (`make check`) and tools/emu-conform: the
manifest format of docs/TESTING.md (manifest.py), running a guest image on emu or a reference
emulator (guest.py), QEMU-to-emu command-line mapping (qemu_compat.py) and TAP/JUnit reports
(report.py)."""
