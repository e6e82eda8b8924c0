/* The outline, walked with an iterator: each item's path and title. */
#include <plan.h>
#include <stdio.h>

int main(int argc, char **argv) {
  if (argc < 2) return 2;
  plan_doc *doc;
  plan_iter *it;
  plan_error err;
  if (plan_doc_parse_file(argv[1], NULL, &doc, &err) != PLAN_OK) return 1;
  if (plan_iter_new(plan_doc_root(doc), &it, &err) != PLAN_OK) return 1;
  plan_event ev;
  while ((ev = plan_iter_next(it)) != PLAN_EVENT_DONE) {
    const plan_node *n = plan_iter_node(it);
    if (ev == PLAN_EVENT_ENTER && plan_node_kind_of(n) == PLAN_NODE_ITEM && plan_node_title(n))
      printf("%-8s %s\n", plan_node_path(n), plan_node_title(n));
  }
  plan_iter_free(it);
  plan_doc_free(doc);
  return 0;
}
