#ifndef DOSSIER_LIBXML2_SHIM_H
#define DOSSIER_LIBXML2_SHIM_H
/* Only libxml2's HTML parser and tree: Dossier reads saved web pages, it never fetches, validates
   or writes XML. The two setters below are variadic or take a variadic callback, which Swift cannot
   declare: they are set here once, before any parse. */
/* Debian builds libxml2 with ICU, so its encoding header would pull in the system's ICU headers,
   whose UErrorCode differs from the one Foundation's own ICU module declares: Swift then refuses
   to build any file that sees both, depending on which module clang cached first. Dossier never
   touches libxml2's ICU converters (the fields it guards sit at the end of a struct Dossier only
   points to), so the ICU part of the headers is left out. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/parserInternals.h>

static void dossier_xml_silent_error(void *context, const char *message, ...) {
    (void)context;
    (void)message;
}

static void dossier_xml_silent_structured_error(void *context, xmlErrorPtr error) {
    (void)context;
    (void)error;
}

/* Never opens a file or a URL, whatever a document declares (a DTD, an external entity). */
static xmlParserInputPtr dossier_xml_no_external_entity(const char *url, const char *id, xmlParserCtxtPtr context) {
    (void)url;
    (void)id;
    (void)context;
    return NULL;
}

/* Initialises the parser for use from several threads, silences libxml2's error printing and
   refuses every external entity. Idempotent; call once before the first parse. */
static inline void dossier_xml_initialize(void) {
    xmlInitParser();
    xmlSetGenericErrorFunc(NULL, dossier_xml_silent_error);
    xmlSetStructuredErrorFunc(NULL, dossier_xml_silent_structured_error);
    xmlSetExternalEntityLoader(dossier_xml_no_external_entity);
}

/* xmlFree is a global function pointer, which Swift 6 refuses to read as shared mutable state. */
static inline void dossier_xml_free(void *pointer) {
    xmlFree(pointer);
}

/* libxml2 keeps error handlers per thread: each thread that parses sets them again. */
static inline void dossier_xml_silence_thread(void) {
    xmlSetGenericErrorFunc(NULL, dossier_xml_silent_error);
    xmlSetStructuredErrorFunc(NULL, dossier_xml_silent_structured_error);
}
#endif
