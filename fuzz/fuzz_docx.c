/* fuzz_docx - libFuzzer target: a Word document.  Bytes that are a ZIP are
 * read as the file; any others become its word/document.xml (and, after a
 * NUL, word/numbering.xml), zipped in memory, so the fuzzer reaches the
 * XML reading and not only libzip's refusals. */
#include <stdbool.h>
#include <zip.h>

#include "fuzz_input.h"

/* A DOCX in memory holding the given parts; NULL when libzip fails. */
static char *zip_parts(const char *doc, size_t dn, const char *num, size_t nn, size_t *len) {
  zip_error_t ze;
  zip_error_init(&ze);
  zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &ze);
  if (!src) {
    zip_error_fini(&ze);
    return NULL;
  }
  zip_source_keep(src); /* it outlives the archive written into it */
  zip_t *za = zip_open_from_source(src, ZIP_TRUNCATE, &ze);
  char *out = NULL;
  bool written = false;
  if (za) {
    const char *names[2] = {"word/document.xml", "word/numbering.xml"};
    const char *parts[2] = {doc, num};
    size_t lens[2] = {dn, nn};
    for (int k = 0; k < (num ? 2 : 1); k++) {
      zip_source_t *p = zip_source_buffer(za, parts[k], lens[k], 0);
      if (p && zip_file_add(za, names[k], p, 0) < 0) zip_source_free(p);
    }
    written = zip_close(za) == 0;
    if (!written) zip_discard(za);
  } else {
    zip_source_free(src); /* the keep's reference */
  }
  zip_stat_t st;
  if (written && zip_source_open(src) == 0) {
    if (zip_source_stat(src, &st) == 0 && (out = malloc(st.size + 1)) != NULL) {
      zip_int64_t k = zip_source_read(src, out, st.size);
      *len = k > 0 ? (size_t)k : 0;
    }
    zip_source_close(src);
  }
  zip_source_free(src);
  zip_error_fini(&ze);
  return out;
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size) {
  const char *s = (const char *)data;
  if (size >= 4 && memcmp(s, "PK\x03\x04", 4) == 0) {
    fuzz_parse_as(s, size, PLAN_INPUT_DOCX, PLAN_ENCODING_AUTO);
    return 0;
  }
  const char *nul = memchr(s, '\0', size);
  size_t dn = nul ? (size_t)(nul - s) : size, zlen = 0;
  char *zip = zip_parts(s, dn, nul ? nul + 1 : NULL, nul ? size - dn - 1 : 0, &zlen);
  if (zip) fuzz_parse_as(zip, zlen, PLAN_INPUT_DOCX, PLAN_ENCODING_AUTO);
  free(zip);
  return 0;
}
