// Taska's view of libxml2.
//
// Why this shim exists: libxml2 2.9.14's xmlversion.h defines LIBXML_ICU_ENABLED, which makes
// encoding.h include the system ICU headers; Foundation brings the toolchain's own ICU, and a
// module that sees both fails with "'UErrorCode' has different definitions in different
// modules". Including xmlversion.h first and undefining the macro drops only the ICU-typed
// tail of struct _xmlCharEncodingHandler (libxml2 allocates it; Swift never does).
// Remove the #undef when libxml2 stops exposing ICU types in its public headers.
#ifndef TASKA_CLIBXML2_SHIM_H
#define TASKA_CLIBXML2_SHIM_H

#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlIO.h>
#include <libxml/xmlmemory.h>
#include <libxml/parserInternals.h>

// Swift 6 cannot use the xmlFree global function pointer (not concurrency-safe).
static inline void taska_xml_free(void *p) { xmlFree(p); }

// xmlParserVersion is a macro over a global; expose it as a function.
static inline const char *taska_xml_parser_version(void) { return xmlParserVersion; }

// The byte offset of the parser in its current input (what it consumed and dropped, plus its
// position in what it holds); for UTF-8 input, an offset into the bytes that were handed over.
static inline long taska_xml_input_offset(xmlParserCtxtPtr ctxt) {
    if (ctxt == NULL || ctxt->input == NULL) return -1;
    return (long)ctxt->input->consumed + (long)(ctxt->input->cur - ctxt->input->base);
}

// libxml2 prints parse errors to stderr through a variadic callback, which Swift cannot
// write; this no-op stands in. Remove when libxml2 offers a non-variadic switch.
static void taska_xml_silent_error(void *ctx, const char *msg, ...) { (void)ctx; (void)msg; }
static void taska_xml_silent_structured_error(void *ctx, xmlErrorPtr error) { (void)ctx; (void)error; }
static inline void taska_xml_silence_errors(void) {
    xmlSetGenericErrorFunc(NULL, taska_xml_silent_error);
    xmlSetStructuredErrorFunc(NULL, taska_xml_silent_structured_error);
}

// A deny-all external entity loader: no file, no URL is ever read for an entity or DTD.
static xmlParserInputPtr taska_xml_deny_entity_loader(const char *url, const char *id, xmlParserCtxtPtr ctxt) {
    (void)url; (void)id; (void)ctxt;
    return NULL;
}
static inline void taska_xml_install_deny_loader(void) {
    xmlSetExternalEntityLoader(taska_xml_deny_entity_loader);
}

// xmlParserMaxDepth is a mutable global, which Swift 6 will not touch; it caps element nesting
// (256 by default in 2.9.14, for the HTML parser too) and halts the parse past it.
static inline void taska_xml_set_max_depth(unsigned int depth) { xmlParserMaxDepth = depth; }

#endif
