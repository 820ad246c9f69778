// SwiftPM needs a source file in a C target; everything CAllocator offers is inline in
// include/CAllocator.h.
#include "CAllocator.h"
