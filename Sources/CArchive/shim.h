// Taska's view of the system libarchive (apt: libarchive-dev).
//
// Why this shim exists: a system library target needs one umbrella header, and libarchive
// splits its API over archive.h (readers, filters) and archive_entry.h (member headers).
// Only Sources/TaskaContainers/LibArchive/ArchiveReader.swift imports this module.
#ifndef TASKA_CARCHIVE_SHIM_H
#define TASKA_CARCHIVE_SHIM_H

#include <archive.h>
#include <archive_entry.h>

#endif
