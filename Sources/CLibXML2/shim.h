// libxml2's streaming writer (Debian's libxml2-dev), for writing large XML parts without building a tree.
#include <libxml/xmlversion.h>
// Debian builds libxml2 with ICU, and its encoding.h then includes ICU's headers, whose types clash with the copy of
// ICU inside Foundation (_FoundationICU: "UErrorCode has different definitions in different modules" on a clean
// build). ptce uses no encoding API of libxml2 (only pointers to its writer and buffer), so ICU's part is left out.
#undef LIBXML_ICU_ENABLED
#include <libxml/xmlwriter.h>
