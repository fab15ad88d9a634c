// zlib (Debian's zlib1g-dev), for inflating the parts of a workbook read from memory.
#include <zlib.h>
