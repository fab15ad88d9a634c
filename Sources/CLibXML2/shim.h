// libxml2's streaming writer (Debian's libxml2-dev), for writing large XML parts without building a tree.
#include <libxml/xmlwriter.h>
