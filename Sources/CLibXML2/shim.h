// libxml2 for Swift. Debian's libxml2 headers include ICU's <unicode/ucnv.h> when
// LIBXML_ICU_ENABLED is set, which clashes with the ICU that Foundation bundles: read the
// version header first and switch that include off before anything else comes in.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlmemory.h>

/// `xmlFree` is a global function pointer, which Swift 6 rejects as shared mutable state.
static inline void vn_xml_free(void *pointer) { xmlFree(pointer); }
