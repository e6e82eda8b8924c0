/* shapes - writes one of the hostile shapes of tests/shapes.h to standard
 * output, for a profiler, a fuzzer's seeds or a look by eye:
 *   build/shapes slash_run 100000 > /tmp/slashes.txt
 * DOCX shapes are written as their document.xml. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../tests/shapes.h"

static const struct {
  const char *name;
  void (*text)(shape_buf *, size_t);
  void (*docx)(shape_docx *, size_t);
} shapes[] = {
    {"slash_run", shape_slash_run, NULL},           {"many_references", shape_many_references, NULL},
    {"many_national", shape_many_national, NULL},   {"agency_list", shape_agency_list, NULL},
    {"many_items", shape_many_items, NULL},         {"unknown_agencies", shape_unknown_agencies, NULL},
    {"long_paragraph", shape_long_paragraph, NULL}, {"upper_lines", shape_upper_lines, NULL},
    {"deep_outline", shape_deep_outline, NULL},
    {"text_table", shape_text_table, NULL},         {"cell_table", shape_cell_table, NULL},
    {"html_tables", shape_html_tables, NULL},       {"elided_lists", shape_elided_lists, NULL},
    {"html_attributes", shape_html_attributes, NULL},
    {"html_attribute_tags", shape_html_attribute_tags, NULL},
    {"docx_lists", NULL, shape_docx_lists},         {"docx_styles", NULL, shape_docx_styles},
};

int main(int argc, char **argv) {
  size_t count = sizeof shapes / sizeof *shapes;
  if (argc != 3) {
    fprintf(stderr, "usage: shapes NAME N\nshapes:");
    for (size_t i = 0; i < count; i++) fprintf(stderr, " %s", shapes[i].name);
    fprintf(stderr, "\n");
    return 2;
  }
  size_t n = strtoul(argv[2], NULL, 10);
  for (size_t i = 0; i < count; i++) {
    if (strcmp(argv[1], shapes[i].name) != 0) continue;
    if (shapes[i].text) {
      shape_buf b = {0};
      shapes[i].text(&b, n);
      fwrite(b.data, 1, b.len, stdout);
      free(b.data);
    } else {
      shape_docx d = {{0}, {0}, {0}};
      shapes[i].docx(&d, n);
      fwrite(d.document.data, 1, d.document.len, stdout);
      free(d.document.data);
      free(d.numbering.data);
      free(d.styles.data);
    }
    return 0;
  }
  fprintf(stderr, "shapes: no shape %s\n", argv[1]);
  return 2;
}
