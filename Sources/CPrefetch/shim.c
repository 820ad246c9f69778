// SwiftPM needs a source file in a C target; everything CPrefetch offers is inline in
// include/CPrefetch.h.
#include "CPrefetch.h"
