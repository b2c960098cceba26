/* SPDX-License-Identifier: MIT */
/* emu's version: -version, and the headers of files emu writes (snapshots). */
#ifndef EMU_CORE_VERSION_H
#define EMU_CORE_VERSION_H

#define EMU_VERSION "0.1.0"

#endif
